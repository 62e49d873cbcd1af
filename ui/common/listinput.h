#pragma once
/** \file
 * A small multi-line input for LIST text that marks a bad token with a red wavy underline.
 */
#include <QPlainTextEdit>

namespace logitlab::ui {

/** \brief Text input for numbers or expressions; flags an error range inline. */
class ListInput : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ListInput(int visibleLines, QWidget *parent = nullptr);

    /** Underlines characters [start, start + length) (QString indices) and shows \a message as tooltip. */
    void setError(int start, int length, const QString &message);
    void clearError();
    bool hasError() const { return m_hasError; }

    QSize sizeHint() const override;

private:
    int m_lines;
    bool m_hasError = false;
};

} // namespace logitlab::ui

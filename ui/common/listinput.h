// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A small multi-line input for LIST text that marks a bad token with a red wavy underline.
 */
#include <QPlainTextEdit>

namespace logitlab::ui {

/**
 * \brief Text input for numbers or expressions; flags an error range inline.
 *
 * Pasting takes plain text only. Qt 6.4's QWidgetTextControl::insertFromMimeData reads the first
 * clipboard format without checking that there is one, so Ctrl+V with an empty clipboard (no
 * owner under X11, or a cleared one) crashed; an image-only clipboard, an empty one and text over
 * maxPasteCharacters are refused here with pasteRefused() instead.
 */
class ListInput : public QPlainTextEdit {
    Q_OBJECT
public:
    /** Pasted text longer than this is refused (a million logits is far past any lesson). */
    static constexpr qsizetype maxPasteCharacters = 1 << 20;

    explicit ListInput(int visibleLines, QWidget *parent = nullptr);

    /** Underlines characters [start, start + length) (QString indices) and shows \a message as tooltip. */
    void setError(int start, int length, const QString &message);
    void clearError();
    bool hasError() const { return m_hasError; }

Q_SIGNALS:
    /** A paste was refused; \a reason says why in words (no text on the clipboard, too long). */
    void pasteRefused(const QString &reason);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    int m_lines;
    bool m_hasError = false;
};

} // namespace logitlab::ui

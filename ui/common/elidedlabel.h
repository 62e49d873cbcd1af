// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A one-line label that shortens its text with "…" when it is narrower than the text, so a long
 * title never widens the page on a small projector; the whole text is in its tooltip.
 */
#include <QFrame>

namespace logitlab::ui {

/** \brief One line of text elided to the label's width; the full text is the tooltip. */
class ElidedLabel : public QFrame {
    Q_OBJECT
public:
    explicit ElidedLabel(const QString &text = {}, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    /** True while the label is too narrow for its text (what is drawn ends with "…"). */
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};

} // namespace logitlab::ui

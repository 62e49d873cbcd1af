// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file A boxed, rich-text explanation of what a page computes and why one form breaks. */
#include <QLabel>

namespace logitlab::ui {

/** \brief The formula box at the top of each lab page. */
class FormulaPanel : public QLabel {
    Q_OBJECT
public:
    explicit FormulaPanel(const QString &html, QWidget *parent = nullptr);

    /** As tall as the wrapped text at the current width (any zoom), not QLabel's guess. */
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace logitlab::ui

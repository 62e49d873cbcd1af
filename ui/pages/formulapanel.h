#pragma once
/** \file A boxed, rich-text explanation of what a page computes and why one form breaks. */
#include <QLabel>

namespace logitlab::ui {

/** \brief The formula box at the top of each lab page. */
class FormulaPanel : public QLabel {
    Q_OBJECT
public:
    explicit FormulaPanel(const QString &html, QWidget *parent = nullptr);
};

} // namespace logitlab::ui

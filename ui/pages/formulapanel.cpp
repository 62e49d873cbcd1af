// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/formulapanel.h"

#include <QResizeEvent>

namespace logitlab::ui {

FormulaPanel::FormulaPanel(const QString &html, QWidget *parent) : QLabel(html, parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setFrameShape(QFrame::StyledPanel);
    setMargin(8);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xf4, 0xf7, 0xfb));
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Fixed vertical policy: the word-wrapped text takes exactly the lines it needs at any zoom.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize FormulaPanel::sizeHint() const
{
    const int w = width() > 100 ? width() : 900;
    return {QLabel::sizeHint().width(), heightForWidth(w)};
}

QSize FormulaPanel::minimumSizeHint() const
{
    return {QLabel::minimumSizeHint().width(), sizeHint().height()};
}

void FormulaPanel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        updateGeometry(); // the wrapped height depends on the width
}

} // namespace logitlab::ui

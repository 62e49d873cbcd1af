#include "pages/formulapanel.h"

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
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setMaximumHeight(fontMetrics().lineSpacing() * 4 + 24);
}

} // namespace logitlab::ui

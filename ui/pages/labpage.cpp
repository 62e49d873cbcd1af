#include "pages/labpage.h"

#include <QFrame>
#include <QScrollArea>
#include <QVBoxLayout>

namespace logitlab::ui {

QWidget *LabPage::makeScrollingContent(int minimumHeight)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget;
    content->setMinimumHeight(minimumHeight);
    scroll->setWidget(content);
    return content;
}

} // namespace logitlab::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/labpage.h"

#include "common/listinput.h"

#include <QFrame>
#include <QLabel>
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

void LabPage::showPasteRefusals(ListInput *input, QLabel *message)
{
    connect(input, &ListInput::pasteRefused, this, [this, message](const QString &why) {
        message->setText(QStringLiteral("<span style='color:#b00000'>%1</span>").arg(why.toHtmlEscaped()));
        Q_EMIT statusMessage(why);
    });
}

} // namespace logitlab::ui

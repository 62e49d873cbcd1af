// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/revealcover.h"

#include <QEvent>
#include <QLabel>

namespace logitlab::ui {

RevealCovers::~RevealCovers()
{
    clear();
}

void RevealCovers::cover(const QList<QWidget *> &widgets, const QString &text, const QString &shortText)
{
    clear();
    for (QWidget *target : widgets) {
        if (!target)
            continue;
        auto *c = new QLabel(m_covers.isEmpty() ? text : shortText, target);
        c->setObjectName(QStringLiteral("revealCover"));
        c->setAlignment(Qt::AlignCenter);
        c->setWordWrap(true);
        c->setAutoFillBackground(true);
        // A calm, opaque panel: the numbers under it must not show through.
        c->setStyleSheet(QStringLiteral("QLabel#revealCover { background: #e8eef7; color: #1a3a6a; border: 2px "
                                        "dashed #7a9cc6; font-weight: bold; padding: 8px; }"));
        c->setGeometry(target->rect());
        c->raise();
        c->show();
        target->installEventFilter(this);
        m_covers.append(c);
    }
}

void RevealCovers::clear()
{
    for (const QPointer<QWidget> &c : std::as_const(m_covers))
        if (c) {
            if (QWidget *target = c->parentWidget())
                target->removeEventFilter(this);
            delete c.data();
        }
    m_covers.clear();
}

QList<QWidget *> RevealCovers::covers() const
{
    QList<QWidget *> list;
    for (const QPointer<QWidget> &c : m_covers)
        if (c)
            list.append(c.data());
    return list;
}

bool RevealCovers::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::ChildAdded) {
        for (const QPointer<QWidget> &c : std::as_const(m_covers))
            if (c && c->parentWidget() == watched) {
                c->setGeometry(c->parentWidget()->rect());
                c->raise(); // above children added later (a table's cell widgets)
            }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace logitlab::ui

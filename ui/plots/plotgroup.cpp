// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/plotgroup.h"

#include "plots/plotpanel.h"

#include <QResizeEvent>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabWidget>

namespace logitlab::ui {

PlotGroup::PlotGroup(int wideFrom, QWidget *parent) : QWidget(parent), m_wideFrom(wideFrom)
{
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_row = new QSplitter(Qt::Horizontal, this);
    m_row->setChildrenCollapsible(false);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_stack->addWidget(m_row);
    m_stack->addWidget(m_tabs);
    m_tabs->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
}

void PlotGroup::addPanel(PlotPanel *panel, const QString &tabLabel)
{
    m_panels.append(panel);
    m_labels.append(tabLabel);
    if (m_tabbed)
        m_tabs->addTab(panel, tabLabel);
    else
        m_row->addWidget(panel);
}

void PlotGroup::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const bool tabbed = event->size().width() < m_wideFrom;
    if (tabbed != m_tabbed)
        arrange(tabbed);
}

void PlotGroup::arrange(bool tabbed)
{
    m_tabbed = tabbed;
    const int current = m_tabs->currentIndex();
    for (int i = 0; i < m_panels.size(); ++i) {
        if (tabbed)
            m_tabs->addTab(m_panels[i], m_labels[i]);
        else
            m_row->addWidget(m_panels[i]); // takes it out of the tab widget
    }
    if (tabbed)
        m_tabs->setCurrentIndex(std::max(current, 0));
    m_stack->setCurrentWidget(tabbed ? static_cast<QWidget *>(m_tabs) : m_row);
    m_tabs->setSizePolicy(
        tabbed ? QSizePolicy::Preferred : QSizePolicy::Ignored, tabbed ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    // The hidden arrangement must not impose its minimum size (three plots side by side are
    // wider than a laptop screen): QStackedLayout counts every page unless its policy is Ignored.
    m_row->setSizePolicy(
        tabbed ? QSizePolicy::Ignored : QSizePolicy::Preferred, tabbed ? QSizePolicy::Ignored : QSizePolicy::Preferred);
    if (!tabbed)
        for (PlotPanel *p : std::as_const(m_panels))
            p->show(); // QTabWidget hid the pages that were not current
}

} // namespace logitlab::ui

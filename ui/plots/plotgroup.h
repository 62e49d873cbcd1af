// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Several plots that belong together: side by side when the window is wide (a projector at
 * 1920 px), one tab each when it is narrow (a 1366 px laptop), so no plot gets squeezed.
 */
#include <QList>
#include <QWidget>

class QSplitter;
class QStackedLayout;
class QTabWidget;

namespace logitlab::ui {

class PlotPanel;

/** \brief Plots in a row when wide, in tabs when narrow. */
class PlotGroup : public QWidget {
    Q_OBJECT
public:
    /** \a wideFrom: the width (px) from which the plots go side by side. */
    explicit PlotGroup(int wideFrom, QWidget *parent = nullptr);

    /** Adds \a panel; \a tabLabel is its tab's name in narrow mode. */
    void addPanel(PlotPanel *panel, const QString &tabLabel);
    bool isTabbed() const { return m_tabbed; }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange(bool tabbed);

    int m_wideFrom;
    bool m_tabbed = false;
    QList<PlotPanel *> m_panels;
    QStringList m_labels;
    QStackedLayout *m_stack = nullptr;
    QSplitter *m_row = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace logitlab::ui

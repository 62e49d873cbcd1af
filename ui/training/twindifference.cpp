// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/twindifference.h"

#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <cmath>

namespace logitlab::ui {

namespace {
/** A difference as drawn on the log axis: 0 at zeroDrawnAt, NaN/inf as a gap. */
double drawn(double d)
{
    if (!std::isfinite(d))
        return std::numeric_limits<double>::quiet_NaN();
    return std::max(d, TwinDifference::zeroDrawnAt);
}
} // namespace

TwinDifference::TwinDifference(QObject *parent) : QObject(parent)
{
    m_panel = new PlotPanel(tr("How far B is from A: |loss A − loss B| and max |w_A − w_B| per batch"));
    m_panel->setObjectName(QStringLiteral("differencePanel"));
    QCustomPlot *p = m_panel->plot();
    p->yAxis->setScaleType(QCPAxis::stLogarithmic);
    p->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    p->xAxis->setLabel(tr("step (batches)"));
    p->yAxis->setLabel(tr("difference (0 drawn at 1e-20)"));
    m_loss = p->addGraph();
    m_loss->setName(tr("|loss A − loss B| (batch)"));
    m_loss->setPen(QPen(seriesColor(0), 1.5));
    m_weights = p->addGraph();
    m_weights->setName(tr("max |w_A − w_B| over all weights"));
    m_weights->setPen(QPen(seriesColor(1), 2));
    m_panel->setLegendBelow(2);
    reset(true);
}

void TwinDifference::reset(bool twin)
{
    m_twin = twin;
    m_loss->data()->clear();
    m_weights->data()->clear();
    m_panel->plot()->xAxis->setRange(0, 10);
    m_panel->plot()->yAxis->setRange(1e-12, 1);
    m_panel->setTitle(twin ? tr("How far B is from A: |loss A − loss B| and max |w_A − w_B| per batch")
                           : tr("A − B difference: turn on twin run B to compare two runs"));
    replotIfShown();
}

void TwinDifference::append(const TrainingUpdate &u)
{
    if (!m_twin)
        return;
    const std::vector<BatchPoint> &a = u.batches[0], &b = u.batches[1];
    // Pair the two runs' points by step (lockstep: normally the same lists, but never assumed).
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i].step < b[j].step) {
            ++i;
        } else if (b[j].step < a[i].step) {
            ++j;
        } else {
            const double x = double(a[i].step);
            m_loss->addData(x, drawn(std::fabs(a[i].loss - b[j].loss)));
            m_weights->addData(x, drawn(b[j].weightDiff));
            ++i;
            ++j;
        }
    }
    if (!m_loss->data()->isEmpty()) {
        bool found = false;
        QCPRange y = m_loss->getValueRange(found);
        bool foundW = false;
        const QCPRange w = m_weights->getValueRange(foundW);
        if (foundW)
            y = found ? QCPRange(std::min(y.lower, w.lower), std::max(y.upper, w.upper)) : w;
        if (found || foundW)
            m_panel->plot()->yAxis->setRange(y.lower / 3, y.upper * 3);
        m_panel->plot()->xAxis->setRange(0, std::max(10.0, (m_loss->data()->constEnd() - 1)->key * 1.02));
    }
    replotIfShown();
}

void TwinDifference::rewind(long long step)
{
    m_loss->data()->removeAfter(double(step) + 0.5);
    m_weights->data()->removeAfter(double(step) + 0.5);
    replotIfShown();
}

void TwinDifference::replotIfShown()
{
    if (m_panel->isVisible())
        m_panel->plot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace logitlab::ui

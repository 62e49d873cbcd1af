#include "training/trainingcurves.h"

#include "training/trainingtext.h"

#include "common/uitext.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <cmath>

namespace logitlab::ui {

namespace {
QCPGraph *makeGraph(QCustomPlot *plot, const QColor &color, double width, Qt::PenStyle style,
    QCPScatterStyle::ScatterShape shape = QCPScatterStyle::ssNone, double size = 6)
{
    QCPGraph *g = plot->addGraph();
    g->setPen(QPen(color, width, style));
    if (shape != QCPScatterStyle::ssNone)
        g->setScatterStyle(QCPScatterStyle(shape, color, size));
    g->setAdaptiveSampling(true);
    return g;
}

QColor light(QColor c)
{
    c.setAlpha(90);
    return c;
}

/** The clipped heads' saturated loss, -log(1e-7). */
constexpr double saturatedLoss = 16.11809565095832;
} // namespace

TrainingCurves::TrainingCurves(QObject *parent) : QObject(parent)
{
    m_loss = new PlotPanel(tr("Loss (line: batches, dots: epochs)"));
    m_loss->setObjectName(QStringLiteral("lossPanel"));
    m_accuracy = new PlotPanel(tr("Accuracy (as in the loss plot)"));
    m_accuracy->setObjectName(QStringLiteral("accuracyPanel"));
    m_rate = new PlotPanel(tr("Learning rate"));
    m_rate->setObjectName(QStringLiteral("ratePanel"));
    for (PlotPanel *p : {m_loss, m_accuracy, m_rate}) {
        p->plot()->xAxis->setLabel(tr("step (batches)"));
        p->plot()->legend->setFont(QFont(p->plot()->font().family(), 9));
    }
    m_loss->plot()->yAxis->setLabel(tr("cross-entropy"));
    m_accuracy->plot()->yAxis->setLabel(tr("fraction right"));
    m_accuracy->plot()->yAxis->setRange(0, 1);
    m_rate->plot()->yAxis->setLabel(tr("learning rate"));
    m_rate->plot()->legend->setVisible(false);
    m_accuracy->plot()->legend->setVisible(false);
    m_loss->plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_accuracy->plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_runs[0].label = tr("A");
    m_runs[1].label = tr("B");
    for (int i = 0; i < 2; ++i) {
        Run &r = m_runs[i];
        const QColor c = seriesColor(i == 0 ? 0 : 1);
        QCustomPlot *lp = m_loss->plot();
        r.batchLoss = makeGraph(lp, light(c), 1, Qt::SolidLine);
        r.trainLoss = makeGraph(lp, c, 2, Qt::SolidLine, QCPScatterStyle::ssDisc, 7);
        r.testLoss = makeGraph(lp, c, 2, Qt::DashLine, QCPScatterStyle::ssSquare, 7);
        r.nanMarks
            = makeGraph(lp, Qt::red, 0, Qt::NoPen, i == 0 ? QCPScatterStyle::ssCross : QCPScatterStyle::ssPlus, 11);
        r.nanMarks->setLineStyle(QCPGraph::lsNone);
        r.nanMarks->setScatterStyle(QCPScatterStyle(i == 0 ? QCPScatterStyle::ssCross : QCPScatterStyle::ssPlus,
            QPen(i == 0 ? QColor(200, 0, 0) : QColor(120, 0, 160), 2.5), Qt::NoBrush, 12));
        r.satMarks = makeGraph(lp, QColor(120, 80, 0), 0, Qt::NoPen);
        r.satMarks->setLineStyle(QCPGraph::lsNone);
        r.satMarks->setScatterStyle(QCPScatterStyle(
            QCPScatterStyle::ssTriangleInverted, QPen(QColor(150, 90, 0), 2), QColor(230, 160, 0, 160), 12));
        QCustomPlot *ap = m_accuracy->plot();
        r.batchAcc = makeGraph(ap, light(c), 1, Qt::SolidLine);
        r.trainAcc = makeGraph(ap, c, 2, Qt::SolidLine, QCPScatterStyle::ssDisc, 7);
        r.testAcc = makeGraph(ap, c, 2, Qt::DashLine, QCPScatterStyle::ssSquare, 7);
        r.rate = makeGraph(m_rate->plot(), c, 2, i == 0 ? Qt::SolidLine : Qt::DashLine);
    }
    const Head heads[2] = {Head::Softmax, Head::Logits};
    const Format formats[2] = {Format::Float32, Format::Float32};
    reset(2, heads, formats);
}

void TrainingCurves::reset(int runCount, const Head heads[2], const Format formats[2])
{
    m_runCount = runCount;
    m_lossCeiling = 2.5;
    for (int i = 0; i < 2; ++i) {
        Run &r = m_runs[i];
        r.label = tr("%1: %2, %3").arg(runName(i), headShort(heads[i]), formatText(formats[i]));
        for (QCPGraph *g :
            {r.batchLoss, r.trainLoss, r.testLoss, r.nanMarks, r.satMarks, r.batchAcc, r.trainAcc, r.testAcc, r.rate}) {
            g->data()->clear();
            g->setVisible(i < runCount);
        }
        r.nanCount = r.satCount = 0;
        r.accEma = -1;
    }
    relabel();
    m_rescale = true;
    m_dirty = true;
}

void TrainingCurves::relabel()
{
    for (int i = 0; i < 2; ++i) {
        Run &r = m_runs[i];
        const bool on = i < m_runCount;
        r.batchLoss->setName(tr("%1 batch loss").arg(r.label));
        r.trainLoss->setName(tr("%1 train loss (epoch mean)").arg(r.label));
        r.testLoss->setName(tr("%1 test loss").arg(r.label));
        r.nanMarks->setName(tr("%1 NaN/inf batches: %2").arg(runName(i)).arg(r.nanCount));
        r.satMarks->setName(
            tr("%1 saturated (zero-gradient) test samples seen: %2 times").arg(runName(i)).arg(r.satCount));
        r.batchAcc->setName(tr("%1 batch accuracy (smoothed)").arg(r.label));
        r.trainAcc->setName(tr("%1 train accuracy (epoch)").arg(r.label));
        r.testAcc->setName(tr("%1 test accuracy").arg(r.label));
        r.rate->setName(tr("%1 learning rate").arg(r.label));
        // Keep the legend short: marker entries only once they have happened.
        for (QCPGraph *g : {r.batchLoss, r.trainLoss, r.testLoss, r.batchAcc, r.trainAcc, r.testAcc})
            on ? g->addToLegend() : g->removeFromLegend();
        (on && r.nanCount > 0) ? r.nanMarks->addToLegend() : r.nanMarks->removeFromLegend();
        (on && r.satCount > 0) ? r.satMarks->addToLegend() : r.satMarks->removeFromLegend();
        r.batchLoss->removeFromLegend();
        r.batchAcc->removeFromLegend();
    }
}

void TrainingCurves::append(const TrainingUpdate &u)
{
    bool markersChanged = false;
    for (int i = 0; i < m_runCount; ++i) {
        Run &r = m_runs[i];
        for (const BatchPoint &b : u.batches[i]) {
            const double x = double(b.step);
            const bool bad = b.nonFiniteLosses > 0 || b.nonFiniteGradients > 0 || !std::isfinite(b.loss);
            if (std::isfinite(b.loss)) {
                r.batchLoss->addData(x, b.loss);
                m_lossCeiling = std::max(m_lossCeiling, std::min(b.loss, 1e6));
            } else {
                r.batchLoss->addData(x, std::numeric_limits<double>::quiet_NaN()); // a gap in the curve
            }
            if (bad) {
                // Marked at the top of the finite range, where the curve leaves the plot.
                r.nanMarks->addData(x, m_lossCeiling);
                ++r.nanCount;
                markersChanged = true;
            }
            r.accEma = r.accEma < 0 ? b.accuracy : 0.95 * r.accEma + 0.05 * b.accuracy;
            r.batchAcc->addData(x, r.accEma);
            r.rate->addData(x, b.learningRate);
        }
        for (const EpochPoint &e : u.epochs[i]) {
            const double x = double(e.step);
            r.trainLoss->addData(
                x, std::isfinite(e.trainLoss) ? e.trainLoss : std::numeric_limits<double>::quiet_NaN());
            r.testLoss->addData(x, std::isfinite(e.testLoss) ? e.testLoss : std::numeric_limits<double>::quiet_NaN());
            r.trainAcc->addData(x, e.trainAccuracy);
            r.testAcc->addData(x, e.testAccuracy);
            if (std::isfinite(e.testLoss))
                m_lossCeiling = std::max(m_lossCeiling, std::min(e.testLoss, 1e6));
            if (e.testNonFinite > 0 && e.step == 0) {
                r.nanMarks->addData(x, m_lossCeiling);
                ++r.nanCount;
                markersChanged = true;
            }
            if (e.deadSamples > 0) {
                r.satMarks->addData(x, std::isfinite(e.testLoss) ? std::max(e.testLoss, 0.0) : saturatedLoss);
                ++r.satCount;
                markersChanged = true;
            }
        }
        if (r.batchLoss->dataCount() > batchHistory) {
            const double cut = (r.batchLoss->data()->constEnd() - batchHistory)->key;
            for (QCPGraph *g : {r.batchLoss, r.batchAcc, r.rate, r.nanMarks})
                g->data()->removeBefore(cut);
        }
    }
    if (markersChanged)
        relabel();
    m_dirty = true;
}

void TrainingCurves::rewind(long long step)
{
    const double after = double(step) + 0.5;
    for (int i = 0; i < 2; ++i) {
        Run &r = m_runs[i];
        for (QCPGraph *g :
            {r.batchLoss, r.trainLoss, r.testLoss, r.nanMarks, r.satMarks, r.batchAcc, r.trainAcc, r.testAcc, r.rate})
            g->data()->removeAfter(after);
        r.nanCount = r.nanMarks->dataCount();
        r.satCount = r.satMarks->dataCount();
        r.accEma = r.batchAcc->dataCount() ? (r.batchAcc->data()->constEnd() - 1)->value : -1;
    }
    relabel();
    m_dirty = true;
}

int TrainingCurves::replot()
{
    if (!m_dirty)
        return 0;
    m_dirty = false;
    double lastStep = 1;
    for (int i = 0; i < m_runCount; ++i)
        if (!m_runs[i].rate->data()->isEmpty())
            lastStep = std::max(lastStep, (m_runs[i].rate->data()->constEnd() - 1)->key);
    for (PlotPanel *p : {m_loss, m_accuracy, m_rate}) {
        QCustomPlot *plot = p->plot();
        // Follow the run unless the user zoomed or dragged: x from 0 to the last step.
        plot->xAxis->setRange(0, std::max(10.0, lastStep * 1.02));
    }
    bool found = false;
    QCPRange lr;
    double lo = 0, hi = 0;
    bool any = false;
    for (int i = 0; i < m_runCount; ++i) {
        for (QCPGraph *g : {m_runs[i].batchLoss, m_runs[i].testLoss, m_runs[i].trainLoss, m_runs[i].satMarks}) {
            const QCPRange r = g->getValueRange(found);
            if (found) {
                lo = any ? std::min(lo, r.lower) : r.lower;
                hi = any ? std::max(hi, r.upper) : r.upper;
                any = true;
            }
        }
    }
    if (any)
        m_loss->plot()->yAxis->setRange(std::min(0.0, lo), std::max(hi, m_lossCeiling) * 1.08);
    any = false;
    for (int i = 0; i < m_runCount; ++i) {
        const QCPRange r = m_runs[i].rate->getValueRange(found);
        if (found) {
            lr = any ? QCPRange(std::min(lr.lower, r.lower), std::max(lr.upper, r.upper)) : r;
            any = true;
        }
    }
    if (any)
        m_rate->plot()->yAxis->setRange(0, lr.upper * 1.15);
    for (PlotPanel *p : {m_loss, m_accuracy, m_rate})
        p->plot()->replot(QCustomPlot::rpQueuedReplot);
    return 3;
}

} // namespace logitlab::ui

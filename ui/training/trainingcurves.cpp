// SPDX-License-Identifier: GPL-3.0-or-later
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

/** Epoch markers: A filled (disc for train, square for test), B hollow and larger, so that B
 * rings A where the two coincide. */
QCPScatterStyle epochMarker(int run, const QColor &c, bool test)
{
    const auto shape = test ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssDisc;
    if (run == 0)
        return QCPScatterStyle(shape, c, c, 7);
    return QCPScatterStyle(test ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssCircle, QPen(c, 2), Qt::NoBrush, 11);
}

/** The clipped heads' saturated loss, -log(1e-7). */
constexpr double saturatedLoss = 16.11809565095832;
} // namespace

TrainingCurves::TrainingCurves(QObject *parent) : QObject(parent)
{
    m_loss = new PlotPanel(tr("Loss (line: batches, dots: epochs)"));
    m_loss->setObjectName(QStringLiteral("lossPanel"));
    m_accuracy = new PlotPanel(tr("Accuracy"));
    m_accuracy->setObjectName(QStringLiteral("accuracyPanel"));
    m_rate = new PlotPanel(tr("Learning rate"));
    m_rate->setObjectName(QStringLiteral("ratePanel"));
    for (PlotPanel *p : {m_loss, m_accuracy, m_rate}) {
        p->plot()->setPlottingHint(QCP::phFastPolylines, true);
        p->plot()->xAxis->setLabel(tr("step (batches)"));
        p->plot()->legend->setFont(QFont(p->plot()->font().family(), 9));
    }
    m_loss->plot()->yAxis->setLabel(tr("cross-entropy"));
    m_accuracy->plot()->yAxis->setLabel(tr("fraction right"));
    m_accuracy->plot()->yAxis->setRange(0, 1);
    m_rate->plot()->yAxis->setLabel(tr("learning rate"));
    m_rate->plot()->legend->setVisible(false);
    m_accuracy->plot()->legend->setVisible(false);
    QCPLayoutGrid *lossLegendRow = m_loss->setLegendBelow(2);
    m_accuracy->setLegendBelow(2);
    m_runs[0].label = tr("A");
    m_runs[1].label = tr("B");
    for (int i = 0; i < 2; ++i) {
        Run &r = m_runs[i];
        const QColor c = seriesColor(i == 0 ? 0 : 1);
        QCustomPlot *lp = m_loss->plot();
        // Epoch curves: A solid with filled markers, B dashed with hollow, larger markers, so that
        // where the twins coincide exactly (the course preset) both stay visible, B around A.
        const Qt::PenStyle line = i == 0 ? Qt::SolidLine : Qt::DashLine;
        // The per-batch curves hold thousands of points: a dashed or antialiased pen there cost
        // most of a frame (measured: 59 ms median event-loop latency with B dashed), so they stay
        // thin, solid and aliased; B's is drawn under A's so that A stays visible where they meet.
        r.batchLoss = makeGraph(lp, light(c), 1, Qt::SolidLine);
        r.batchLoss->setAntialiased(false);
        r.trainLoss = makeGraph(lp, c, 2, line);
        r.trainLoss->setScatterStyle(epochMarker(i, c, false));
        r.testLoss = makeGraph(lp, c, 2, i == 0 ? Qt::DotLine : Qt::DashDotLine);
        r.testLoss->setScatterStyle(epochMarker(i, c, true));
        r.nanSpan = makeGraph(lp, QColor(200, 0, 0, 110), 6, Qt::SolidLine);
        r.nanSpan->setAdaptiveSampling(false);
        r.nanSpan->removeFromLegend();
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
        r.batchAcc->setAntialiased(false);
        if (i == 1)
            for (QCPGraph *g : {r.batchLoss, r.batchAcc}) {
                QCustomPlot *plot = g->parentPlot();
                if (!plot->layer(QStringLiteral("twinB")))
                    plot->addLayer(QStringLiteral("twinB"), plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
                g->setLayer(QStringLiteral("twinB"));
            }
        r.trainAcc = makeGraph(ap, c, 2, line);
        r.trainAcc->setScatterStyle(epochMarker(i, c, false));
        r.testAcc = makeGraph(ap, c, 2, i == 0 ? Qt::DotLine : Qt::DashDotLine);
        r.testAcc->setScatterStyle(epochMarker(i, c, true));
        r.rate = makeGraph(m_rate->plot(), c, 2, i == 0 ? Qt::SolidLine : Qt::DashLine);
    }
    // The note sits in the legend row, under the axis rect, where it hides no curve.
    m_coincideNote = new QCPTextElement(m_loss->plot(), QString(), QFont(m_loss->plot()->font().family(), 9));
    m_coincideNote->setTextColor(QColor(60, 60, 60));
    m_coincideNote->setMargins(QMargins(4, 0, 4, 0));
    lossLegendRow->addElement(1, 0, m_coincideNote);
    for (int p = 0; p < 3; ++p)
        watchUserZoom(p);
    const Head heads[2] = {Head::Softmax, Head::Logits};
    const Format formats[2] = {Format::Float32, Format::Float32};
    reset(2, heads, formats);
}

void TrainingCurves::watchUserZoom(int index)
{
    PlotPanel *panel = index == 0 ? m_loss : (index == 1 ? m_accuracy : m_rate);
    QCustomPlot *plot = panel->plot();
    // A range change inside a wheel event or a drag is the user's: stop following the run. Any
    // other change we did not make ourselves is the panel's Fit (button or menu): follow again.
    connect(plot, &QCustomPlot::mouseWheel, this, [this] {
        m_userWheel = true;
        QMetaObject::invokeMethod(
            this, [this] { m_userWheel = false; }, Qt::QueuedConnection);
    });
    connect(plot, &QCustomPlot::mousePress, this, [this, index] { m_pressed[index] = true; });
    connect(plot, &QCustomPlot::mouseRelease, this, [this, index] { m_pressed[index] = false; });
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis})
        connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this, index] {
            if (m_settingRange)
                return;
            const bool user = m_userWheel || m_pressed[index];
            if (m_follow[index] == !user)
                return;
            m_follow[index] = !user;
            m_dirty[index] = true;
        });
}

QString TrainingCurves::coincideNote() const
{
    return m_coincideNote->text();
}

void TrainingCurves::setRange(QCustomPlot *plot, bool x, double lower, double upper)
{
    m_settingRange = true;
    (x ? plot->xAxis : plot->yAxis)->setRange(lower, upper);
    m_settingRange = false;
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
        r.nanSpan->data()->clear();
        r.nanSpan->setVisible(i < runCount);
        r.streaks.clear();
        r.initialNan = 0;
        r.nanCount = r.satCount = 0;
        r.accEma = -1;
    }
    m_coincide = runCount == 2;
    m_comparedBatches = 0;
    m_coincideNote->setText(QString());
    for (int p = 0; p < 3; ++p) {
        m_follow[p] = true;
        m_dirty[p] = true;
    }
    relabel();
    m_rescale = true;
}

void TrainingCurves::relabel()
{
    for (int i = 0; i < 2; ++i) {
        Run &r = m_runs[i];
        const bool on = i < m_runCount;
        r.batchLoss->setName(tr("%1 batch loss").arg(r.label));
        // Short legend entries (the title says lines are batches and dots epochs).
        r.trainLoss->setName(tr("%1 train").arg(r.label));
        r.testLoss->setName(tr("%1 test").arg(r.label));
        r.nanMarks->setName(tr("%1 NaN/inf batches: %2 in %3 streak(s)")
                                .arg(runName(i))
                                .arg(r.nanCount)
                                .arg(r.streaks.size() + (r.initialNan > 0 ? 1 : 0)));
        r.satMarks->setName(tr("%1 saturated (zero gradient): %2 evaluations").arg(runName(i)).arg(r.satCount));
        r.batchAcc->setName(tr("%1 batch accuracy (smoothed)").arg(r.label));
        r.trainAcc->setName(tr("%1 train").arg(r.label));
        r.testAcc->setName(tr("%1 test").arg(r.label));
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
                addStreakPoint(r, b.step);
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
                ++r.initialNan;
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
            for (QCPGraph *g : {r.batchLoss, r.batchAcc, r.rate})
                g->data()->removeBefore(cut);
        }
    }
    updateCoincidence(u);
    if (markersChanged)
        relabel();
    for (bool &d : m_dirty)
        d = true;
}

void TrainingCurves::addStreakPoint(Run &r, long long step)
{
    // Marked at the top of the finite range, where the curve leaves the plot: a cross at the
    // first batch of each streak, and a bar over the streak (the count is in the legend).
    if (!r.streaks.empty() && r.streaks.back().second == step - 1) {
        r.streaks.back().second = step;
        auto last = r.nanSpan->data()->end() - 1;
        last->key = double(step);
        return;
    }
    r.streaks.emplace_back(step, step);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (!r.nanSpan->data()->isEmpty())
        r.nanSpan->addData(double(step) - 0.5, nan); // a gap between streaks
    r.nanSpan->addData(double(step), m_lossCeiling);
    r.nanSpan->addData(double(step), m_lossCeiling);
    r.nanMarks->addData(double(step), m_lossCeiling);
}

void TrainingCurves::redrawStreaks(Run &r)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.nanSpan->data()->clear();
    r.nanMarks->data()->removeAfter(0.5); // keeps the step-0 (initial test) marker
    for (const auto &[first, last] : r.streaks) {
        if (!r.nanSpan->data()->isEmpty())
            r.nanSpan->addData(double(first) - 0.5, nan);
        r.nanSpan->addData(double(first), m_lossCeiling);
        r.nanSpan->addData(double(last), m_lossCeiling);
        r.nanMarks->addData(double(first), m_lossCeiling);
    }
}

void TrainingCurves::updateCoincidence(const TrainingUpdate &u)
{
    if (m_runCount != 2 || !m_coincide)
        return;
    const auto &a = u.batches[0], &b = u.batches[1];
    if (a.size() != b.size()) {
        m_coincide = false;
    } else {
        for (std::size_t k = 0; k < a.size() && m_coincide; ++k) {
            const double x = a[k].loss, y = b[k].loss;
            // Within 0.1%: closer than a pixel on the plot, so one curve hides the other.
            m_coincide = (std::isnan(x) && std::isnan(y)) || std::abs(x - y) <= 1e-3 * std::max(1.0, std::abs(x));
        }
        m_comparedBatches += qsizetype(a.size());
    }
    // Empty rather than hidden: a hidden layout element would still keep its row.
    m_coincideNote->setText(m_coincide && m_comparedBatches > 0
            ? tr("A and B coincide so far (losses within 0.1%): B dashed around A")
            : QString());
}

void TrainingCurves::rewind(long long step)
{
    const double after = double(step) + 0.5;
    for (int i = 0; i < 2; ++i) {
        Run &r = m_runs[i];
        for (QCPGraph *g :
            {r.batchLoss, r.trainLoss, r.testLoss, r.satMarks, r.batchAcc, r.trainAcc, r.testAcc, r.rate})
            g->data()->removeAfter(after);
        while (!r.streaks.empty() && r.streaks.back().first > step) {
            r.nanCount -= r.streaks.back().second - r.streaks.back().first + 1;
            r.streaks.pop_back();
        }
        if (!r.streaks.empty() && r.streaks.back().second > step) {
            r.nanCount -= r.streaks.back().second - step;
            r.streaks.back().second = step;
        }
        redrawStreaks(r);
        r.satCount = r.satMarks->dataCount();
        r.accEma = r.batchAcc->dataCount() ? (r.batchAcc->data()->constEnd() - 1)->value : -1;
    }
    relabel();
    for (bool &d : m_dirty)
        d = true;
}

int TrainingCurves::replot()
{
    PlotPanel *panels[3] = {m_loss, m_accuracy, m_rate};
    bool any = false;
    for (int p = 0; p < 3; ++p)
        any = any || (m_dirty[p] && panels[p]->isVisible());
    if (!any)
        return 0; // hidden plots (the learning-rate tab) stay dirty until they are shown
    double lastStep = 1;
    for (int i = 0; i < m_runCount; ++i)
        if (!m_runs[i].rate->data()->isEmpty())
            lastStep = std::max(lastStep, (m_runs[i].rate->data()->constEnd() - 1)->key);
    int drawn = 0;
    for (int p = 0; p < 3; ++p) {
        if (!m_dirty[p] || !panels[p]->isVisible())
            continue;
        m_dirty[p] = false;
        ++drawn;
        QCustomPlot *plot = panels[p]->plot();
        if (m_follow[p]) {
            // Follow the run (x from 0 to the last step) until the user zooms or drags.
            setRange(plot, true, 0, std::max(10.0, lastStep * 1.02));
            if (p == 0)
                fitLoss();
            else if (p == 2)
                fitRate();
        }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    return drawn;
}

void TrainingCurves::fitLoss()
{
    bool found = false;
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
        setRange(m_loss->plot(), false, std::min(0.0, lo), std::max(hi, m_lossCeiling) * 1.08);
}

void TrainingCurves::fitRate()
{
    bool found = false, any = false;
    double upper = 0;
    for (int i = 0; i < m_runCount; ++i) {
        const QCPRange r = m_runs[i].rate->getValueRange(found);
        if (found) {
            upper = any ? std::max(upper, r.upper) : r.upper;
            any = true;
        }
    }
    if (any)
        setRange(m_rate->plot(), false, 0, upper * 1.15);
}

} // namespace logitlab::ui

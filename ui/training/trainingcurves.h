// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The live curves of the Training lab: loss (per batch, per epoch for training and test),
 * accuracy and learning rate for runs A and B, with NaN/inf and saturation events marked and
 * counted. Points are appended as they arrive; the plots are redrawn by replot() (the page calls
 * it from a ~30 Hz timer, queued, only when something changed); per-batch history is bounded.
 */
#include "training/trainingtypes.h"

#include <QObject>

#include <utility>
#include <vector>

class QCPGraph;
class QCPTextElement;
class QCustomPlot;

namespace logitlab::ui {

class PlotPanel;

/** \brief Loss, accuracy and learning-rate plots of up to two runs. */
class TrainingCurves : public QObject {
    Q_OBJECT
public:
    explicit TrainingCurves(QObject *parent = nullptr);

    PlotPanel *lossPanel() const { return m_loss; }
    PlotPanel *accuracyPanel() const { return m_accuracy; }
    PlotPanel *ratePanel() const { return m_rate; }

    /** Empties every curve and names them after the runs' heads. */
    void reset(int runCount, const Head heads[2], const Format formats[2]);
    void append(const TrainingUpdate &u);
    /** Drops every point after \a step (step-back). */
    void rewind(long long step);
    /** Redraws the plots that changed since the last call (queued replot). Returns how many. */
    int replot();

    /** Per-batch points kept per curve; older ones are dropped. */
    static constexpr int batchHistory = 20000;

    QCPGraph *batchLoss(int run) const { return m_runs[run].batchLoss; }
    QCPGraph *epochTrainLoss(int run) const { return m_runs[run].trainLoss; }
    QCPGraph *testLoss(int run) const { return m_runs[run].testLoss; }
    QCPGraph *epochTrainAccuracy(int run) const { return m_runs[run].trainAcc; }
    QCPGraph *testAccuracy(int run) const { return m_runs[run].testAcc; }
    /** One marker per streak of NaN/inf batches (at its first batch), not one per batch. */
    QCPGraph *nanMarkers(int run) const { return m_runs[run].nanMarks; }
    /** The streaks as horizontal bars at the top of the plot: two points per streak, NaN between. */
    QCPGraph *nanSpans(int run) const { return m_runs[run].nanSpan; }
    QCPGraph *saturationMarkers(int run) const { return m_runs[run].satMarks; }
    long long nanEvents(int run) const { return m_runs[run].nanCount; }
    long long saturationEvents(int run) const { return m_runs[run].satCount; }
    /** Whether the three curve plots still follow the run (false once the user zoomed or dragged
     * a plot's axes; true again after its Fit). Index: 0 loss, 1 accuracy, 2 learning rate. */
    bool following(int plot) const { return m_follow[plot]; }
    /** True while runs A and B have had the same batch losses so far (their curves coincide). */
    bool runsCoincide() const { return m_coincide; }
    /** The note under the loss plot saying so ("" when they differ). */
    QString coincideNote() const;

private:
    struct Run {
        QCPGraph *batchLoss = nullptr, *trainLoss = nullptr, *testLoss = nullptr, *nanMarks = nullptr,
                 *satMarks = nullptr;
        QCPGraph *batchAcc = nullptr, *trainAcc = nullptr, *testAcc = nullptr;
        QCPGraph *rate = nullptr;
        QCPGraph *nanSpan = nullptr;
        /** NaN/inf batch streaks [first, last] (steps), and the events at step 0 (initial test). */
        std::vector<std::pair<long long, long long>> streaks;
        long long initialNan = 0;
        long long nanCount = 0, satCount = 0;
        double accEma = -1;
        QString label;
    };
    void relabel();
    void addStreakPoint(Run &r, long long step);
    void redrawStreaks(Run &r);
    void watchUserZoom(int index);
    void setRange(QCustomPlot *plot, bool x, double lower, double upper);
    void updateCoincidence(const TrainingUpdate &u);
    void fitLoss();
    void fitRate();

    PlotPanel *m_loss = nullptr, *m_accuracy = nullptr, *m_rate = nullptr;
    Run m_runs[2];
    int m_runCount = 0;
    double m_lossCeiling = 2.5;
    bool m_dirty[3] = {false, false, false};
    bool m_rescale = true;
    bool m_follow[3] = {true, true, true};
    bool m_settingRange = false;
    bool m_userWheel = false;
    bool m_pressed[3] = {false, false, false};
    bool m_coincide = true;
    long long m_comparedBatches = 0;
    QCPTextElement *m_coincideNote = nullptr;
};

} // namespace logitlab::ui

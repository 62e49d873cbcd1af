// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * How far twin B has moved from twin A: |loss A − loss B| per batch and the largest weight
 * difference max |w_A − w_B| after each batch, on a log scale. For the float-vs-double preset this
 * is the only place the two runs differ visibly: the gap starts at float32's rounding (~1e-8) and grows.
 */
#include "training/trainingtypes.h"

#include <QObject>

class QCPGraph;

namespace logitlab::ui {

class PlotPanel;

/** \brief The A − B difference plot of the Training lab (twin runs only). */
class TwinDifference : public QObject {
    Q_OBJECT
public:
    /** Differences of exactly 0 have no place on a log axis: they are drawn at this value. */
    static constexpr double zeroDrawnAt = 1e-20;

    explicit TwinDifference(QObject *parent = nullptr);
    PlotPanel *panel() const { return m_panel; }

    /** A new run: empty curves; \a twin false shows a note instead (one run has no difference). */
    void reset(bool twin);
    void append(const TrainingUpdate &u);
    /** Step back: drops the points after \a step. */
    void rewind(long long step);

    QCPGraph *lossGraph() const { return m_loss; }
    QCPGraph *weightGraph() const { return m_weights; }

private:
    void replotIfShown();

    PlotPanel *m_panel = nullptr;
    QCPGraph *m_loss = nullptr;
    QCPGraph *m_weights = nullptr;
    bool m_twin = true;
};

} // namespace logitlab::ui

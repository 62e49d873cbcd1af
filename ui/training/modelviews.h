// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Training lab's model views, each a PlotPanel (so each exports as PNG/SVG/PDF/CSV):
 * first-layer weights as images with one shared colour scale, the confusion matrices, a gallery
 * of test digits with A/B probability bars, the step inspector of one test sample, and the
 * decision boundary of the 2-D sets. Each is redrawn from a ModelView (worker output).
 */
#include "training/trainingtypes.h"

#include <QList>
#include <QWidget>

class QCPAxisRect;
class QCPBars;
class QCPColorMap;
class QCPColorScale;
class QCustomPlot;
class QLabel;
class QSpinBox;

namespace logitlab::ui {

class PlotPanel;

/** \brief First-layer weights, one image per unit, A and B side by side, one colour scale. */
class WeightsView : public QWidget {
    Q_OBJECT
public:
    explicit WeightsView(QWidget *parent = nullptr);
    void show(const ModelView &view, const SessionData &data);
    PlotPanel *panel() const { return m_panel; }
    /** Empties the view (a new run has no model yet): no old numbers over empty axes. */
    void clear();

private:
    PlotPanel *m_panel = nullptr;
    QCPColorMap *m_maps[2] = {};
    QCPAxisRect *m_rects[2] = {};
    QCPColorScale *m_scale = nullptr;
    QList<int> m_shape; ///< run count and map sizes the layout was built for
};

/** \brief Confusion matrices of A and B on the test set, counts written in the cells. */
class ConfusionView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionView(QWidget *parent = nullptr);
    void show(const ModelView &view);
    PlotPanel *panel() const { return m_panel; }
    /** Empties the view (a new run has no model yet): no old numbers over empty axes. */
    void clear();

private:
    PlotPanel *m_panel = nullptr;
    int m_classes = -1, m_runs = -1;
};

/** \brief Test digits with the probabilities A and B give each class; wrong predictions marked. */
class GalleryView : public QWidget {
    Q_OBJECT
public:
    explicit GalleryView(QWidget *parent = nullptr);
    void show(const ModelView &view, const SessionData &data);
    PlotPanel *panel() const { return m_panel; }
    /** Empties the view (a new run has no model yet): no old numbers over empty axes. */
    void clear();

private:
    PlotPanel *m_panel = nullptr;
    QList<int> m_key; ///< digits, classes and runs the layout was built for
    QList<QCPBars *> m_bars;
    QList<QCPAxisRect *> m_images;
};

/** \brief One test sample: its image, logits, probabilities, loss and dLoss/dlogits for A and B. */
class InspectorView : public QWidget {
    Q_OBJECT
public:
    explicit InspectorView(QWidget *parent = nullptr);
    void show(const ModelView &view, const SessionData &data);
    PlotPanel *panel() const { return m_panel; }
    /** Empties the view (a new run has no model yet): no old numbers over empty axes. */
    void clear();
    QSpinBox *sampleBox() const { return m_sample; }
Q_SIGNALS:
    void sampleChanged(int index);

private:
    PlotPanel *m_panel = nullptr;
    QSpinBox *m_sample = nullptr;
    QLabel *m_text = nullptr;
};

/** \brief Decision regions of A and B over the plane, with the training points (2-D sets). */
class BoundaryView : public QWidget {
    Q_OBJECT
public:
    explicit BoundaryView(QWidget *parent = nullptr);
    void show(const ModelView &view, const SessionData &data);
    PlotPanel *panel() const { return m_panel; }
    /** Empties the view (a new run has no model yet): no old numbers over empty axes. */
    void clear();

private:
    PlotPanel *m_panel = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace logitlab::ui

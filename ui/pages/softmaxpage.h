// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Softmax lab: a logit vector (or matrix), every method's probabilities against the MPFR
 * reference, a scale slider that is also the temperature T = 1/scale (with the entropy of p and
 * where each format's naive form breaks as T falls), bar chart, error-vs-scale sweep and the
 * Jacobian heatmap.
 */
#include "common/asyncjob.h"
#include "lab/softmaxlab.h"
#include "pages/labpage.h"
#include "softmax/softmaxreport.h"
#include "sweep/softmaxsweep.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QSlider;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QSpinBox;
class QCPAbstractItem;
class QCPItemStraightLine;
class QCPItemText;
class QCPBars;
class QCPColorMap;
class QCPGraph;

namespace logitlab::ui {

class ListInput;
class PlotPanel;
class SoftmaxTableModel;
class TemperatureAxis;

/** \brief Everything computed for one input, off the GUI thread. */
struct SoftmaxPageResult {
    std::shared_ptr<const SoftmaxReport> report; ///< the vector (or the first slice of the matrix)
    std::vector<std::vector<long double>> jacobian; ///< vector only: diag(s) - s s^T in the format (n <= 200)
    std::vector<std::shared_ptr<const SoftmaxReport>> slices; ///< matrix mode: one report per slice
    int rows = 0, columns = 0, axis = 1; ///< matrix shape and PyTorch dim
    /// per slice (the vector: one): the entropy of the reference p in nats and in bits, rounded to double
    std::vector<std::array<double, 2>> entropy;
};

/** \brief The Softmax lab page. */
class SoftmaxPage : public LabPage {
    Q_OBJECT
public:
    explicit SoftmaxPage(QWidget *parent = nullptr);
    ~SoftmaxPage() override;

    void setFormat(Format f) override;
    Format format() const override { return m_format; }
    QList<PlotPanel *> plots() const override;
    QList<QWidget *> resultViews() const override;
    void saveSettings() const override;
    void restoreSettings() override;
    bool isBusy() const override;

    /** What the form shows now (the text of the mode not on screen too), as the lab's value. */
    SoftmaxLab lab() const;
    /** Puts \a lab on screen, every field and the format, and computes it (as a lesson file does). */
    void setLab(const SoftmaxLab &lab);

    // For tests and screenshots.
    ListInput *logitInput() const { return m_input; }
    QSlider *scaleSlider() const { return m_slider; }
    /** "T = 0.893 (logits × 1.12)" beside the slider. */
    QLabel *scaleLabel() const { return m_scaleLabel; }
    /** The temperature axis under the slider, with the break marks. */
    TemperatureAxis *temperatureAxis() const { return m_temperatureAxis; }
    /** The entropy of p and where the naive form breaks, in words, under the axis. */
    QLabel *temperatureLabel() const { return m_temperatureText; }
    QComboBox *modeBox() const { return m_mode; } ///< Vector / Matrix
    QComboBox *axisBox() const { return m_axis; } ///< dim=0 / dim=1
    QLabel *messageLabel() const { return m_message; }
    QTableView *table() const { return m_table; }
    QTableWidget *matrixTable() const { return m_matrixTable; }
    /** Matrix mode: the method the matrix table shows, and the slice the plots follow. */
    QComboBox *matrixMethodBox() const { return m_matrixMethod; }
    QSpinBox *sliceBox() const { return m_slice; }
    /** The summary line over the table (what is computed, NaN slices). */
    QString summaryText() const;
    /** The bar plot's NaN/inf marks (one graph per method). */
    const QList<QCPGraph *> &nonFiniteMarks() const { return m_nanMarks; }
    SoftmaxTableModel *model() const { return m_model; }
    PlotPanel *barPanel() const { return m_barPanel; }
    PlotPanel *sweepPanel() const { return m_sweepPanel; }
    PlotPanel *jacobianPanel() const { return m_jacobianPanel; }
    const SoftmaxSweep &sweep() const { return m_sweep; }
    void setMatrixMode(bool matrix);
    void setAxis(int axis);
    /** The scale applied to the logits, as exact decimal text ("1", "0.0501"...). */
    QString scaleText() const;
    /** Blocks (processing events) until no computation is pending. */
    void waitForIdle();

Q_SIGNALS:
    /** Stage one of an update: the table and bars show the methods' values (no reference yet). */
    void methodsUpdated();
    /** Stage two: the reference, ULP errors, Jacobian and summary arrived for the shown input. */
    void resultUpdated();
    /** The error sweep plot shows a new sweep. */
    void sweepUpdated();

private:
    /** Sets every widget (and the format) from \a lab without computing. */
    void applyLab(const SoftmaxLab &lab);
    void recompute();
    void showMethods(const std::shared_ptr<const SoftmaxReport> &report);
    void updateBars(const SoftmaxReport &rep);
    void applyResult(const SoftmaxPageResult &r);
    void applySweep(const SoftmaxSweep &s);
    void updateScaleLabel();
    /**
     * The temperature axis's marks and the entropy/break text for the logits shown (the vector, or
     * the slice the plots follow); the entropy from m_last when \a entropyKnown.
     */
    void updateTemperatureView(bool entropyKnown);
    /** The logits of slice \a slice as typed (at T = 1), in float80. */
    std::vector<long double> unscaledSlice(int slice) const;
    void fillMatrixTable(const SoftmaxPageResult &r);
    /** Shows \a report (a vector, or one slice of the matrix) in the table, plots and summary. */
    void showReport(
        const std::shared_ptr<const SoftmaxReport> &report, const std::vector<std::vector<long double>> &jacobian);
    /** Matrix mode: the selected row (dim=1) or column (dim=0) drives the plots. */
    void showSlice(int slice);
    /** Matrix mode: "naive: NaN in rows 1, 3" for every method with a NaN slice. */
    QString matrixNotes() const;
    /** NaN/inf values drawn as labelled marks at the top of the bar plot (bars cannot show them). */
    void markNonFiniteBars(const SoftmaxReport &rep);

    Format m_format = Format::Float32;
    ListInput *m_input = nullptr;
    QLabel *m_message = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_scaleLabel = nullptr;
    TemperatureAxis *m_temperatureAxis = nullptr;
    QLabel *m_temperatureText = nullptr;
    std::vector<std::vector<long double>> m_unscaled; ///< the rows as typed, at T = 1 (float80)
    QComboBox *m_mode = nullptr;
    QComboBox *m_axis = nullptr;
    std::string m_otherText; ///< what was typed in the mode not on screen (vector or matrix)
    QComboBox *m_matrixMethod = nullptr;
    QSpinBox *m_slice = nullptr;
    QLabel *m_sliceLabel = nullptr;
    QWidget *m_matrixControls = nullptr;
    SoftmaxPageResult m_last; ///< the latest result (matrix mode: every slice)
    QList<QCPGraph *> m_nanMarks; ///< per method: NaN/inf positions on the bar plot
    QList<QCPAbstractItem *> m_nanLabels; ///< "NaN" texts over the bars (short vectors)
    QCPItemStraightLine *m_nowLine = nullptr; ///< the current max |z| on the ULP-vs-size plot
    QCPItemText *m_nowLabel = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_tables = nullptr;
    QTableView *m_table = nullptr;
    QTableWidget *m_matrixTable = nullptr;
    SoftmaxTableModel *m_model = nullptr;
    PlotPanel *m_barPanel = nullptr;
    PlotPanel *m_sweepPanel = nullptr;
    PlotPanel *m_jacobianPanel = nullptr;
    QList<QCPBars *> m_bars;
    QList<QCPGraph *> m_sweepGraphs;
    QCPColorMap *m_jacobian = nullptr;
    SoftmaxSweep m_sweep;
    std::vector<long double> m_sweepInput;
    Format m_sweepFormat = Format::Float32;
    bool m_restoring = false;
    AsyncJob<SoftmaxPageResult> m_job;
    AsyncJob<SoftmaxSweep> m_sweepJob;
};

} // namespace logitlab::ui

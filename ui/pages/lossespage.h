// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Losses lab: sparse categorical cross-entropy four ways for the entered logits, and the
 * binary cross-entropy over a sweep of z (loss, error and gradient of each form vs MPFR).
 */
#include "common/asyncjob.h"
#include "lab/losslab.h"
#include "losses/lossreport.h"
#include "pages/labpage.h"
#include "sweep/bcesweep.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QCPAbstractItem;
class QCPGraph;

namespace logitlab::ui {

class ListInput;
class PlotGroup;
class PlotPanel;

/** \brief The Losses lab page. */
class LossesPage : public LabPage {
    Q_OBJECT
public:
    explicit LossesPage(QWidget *parent = nullptr);
    ~LossesPage() override;

    void setFormat(Format f) override;
    Format format() const override { return m_format; }
    QList<PlotPanel *> plots() const override;
    QList<QWidget *> resultViews() const override;
    void saveSettings() const override;
    void restoreSettings() override;
    bool isBusy() const override;

    /**
     * What the form shows now, as the lab's value (a z bound that does not read as a number is
     * NaN, which the sweep refuses as it refuses the text).
     */
    LossLab lab() const;
    /** Puts \a lab on screen, every field and the format, and computes it (as a lesson file does). */
    void setLab(const LossLab &lab);

    ListInput *logitInput() const { return m_input; }
    QSpinBox *labelBox() const { return m_label; }
    QTableWidget *ceTable() const { return m_ceTable; }
    QLabel *messageLabel() const { return m_message; }
    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QSpinBox *pointsBox() const { return m_points; }
    QComboBox *yBox() const { return m_y; }
    PlotPanel *lossPanel() const { return m_lossPanel; }
    PlotPanel *errorPanel() const { return m_errorPanel; }
    PlotPanel *gradientPanel() const { return m_gradientPanel; }
    PlotGroup *bcePlots() const { return m_bcePlots; }
    /** The words under the BCE plots for where the exact loss is below the format (empty if nowhere). */
    QLabel *underflowNote() const { return m_underflowNote; }
    const BceSweep &sweep() const { return m_sweep; }

Q_SIGNALS:
    void crossEntropyUpdated();
    void sweepUpdated();

private:
    void recomputeCrossEntropy();
    void recomputeSweep();
    void applySweep(const BceSweep &s);
    /** Marks every NaN / inf of \a values (per method) on \a marks's lanes at the top of the plot. */
    static void showNonFinite(const QVector<double> &x, const std::array<std::vector<double>, 3> &values,
        const QList<QCPGraph *> &marks, bool skipNaive);
    /** Dashed lines with labels at the Keras clip plateaus the sweep reaches. */
    void showPlateaus(const BceSweep &s);
    /** Shades, and explains under the plots, where the exact loss rounds to 0 in the format. */
    void showUnderflow(const BceSweep &s, const QVector<double> &x);

    Format m_format = Format::Float32;
    ListInput *m_input = nullptr;
    QSpinBox *m_label = nullptr;
    QLabel *m_message = nullptr;
    QTableWidget *m_ceTable = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QSpinBox *m_points = nullptr;
    QComboBox *m_y = nullptr;
    QLabel *m_sweepMessage = nullptr;
    PlotGroup *m_bcePlots = nullptr;
    PlotPanel *m_lossPanel = nullptr;
    PlotPanel *m_errorPanel = nullptr;
    PlotPanel *m_gradientPanel = nullptr;
    QList<QCPGraph *> m_lossGraphs, m_errorGraphs, m_gradientGraphs;
    /// NaN, +inf, -inf marks of each BCE method (3 per method, in allBceMethods order) on each plot
    QList<QCPGraph *> m_lossMarks, m_errorMarks, m_gradientMarks;
    QList<QCPAbstractItem *> m_sweepItems; ///< plateau lines and labels, underflow labels (showPlateaus clears)
    QLabel *m_underflowNote = nullptr;
    BceSweep m_sweep;
    qint64 m_sweepStarted = 0; ///< QDateTime ms of the running sweep's start
    bool m_restoring = false;
    AsyncJob<BceSweep> m_job;
};

/** Translated name of a cross-entropy method. */
QString crossEntropyMethodName(CrossEntropyMethod m);
/** Translated name of a BCE method. */
QString bceMethodName(BceMethod m);

} // namespace logitlab::ui

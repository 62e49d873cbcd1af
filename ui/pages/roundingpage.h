// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Rounding lab: expressions evaluated in every format (stored value, exact decimal, bits,
 * neighbours, errors) and the cancellation plot of (1 + 1/n) - (1 - 1/n).
 */
#include "common/asyncjob.h"
#include "lab/roundinglab.h"
#include "pages/labpage.h"
#include "sweep/cancellationsweep.h"

#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QTableWidget;
class QTextBrowser;
class QVBoxLayout;

namespace logitlab::ui {

class PlotPanel;
struct RowEvaluation;

/** \brief One expression row: its input, message and per-format table. */
struct ExpressionRow {
    QWidget *box = nullptr;
    QLineEdit *input = nullptr;
    QLabel *message = nullptr; ///< the exact value, or why it is not determined, or the typing error
    QProgressBar *busy = nullptr; ///< shown while the row is evaluated off the GUI thread
    std::shared_ptr<RowEvaluation> evaluation; ///< its job (newest text wins) and last result
    QTableWidget *table = nullptr;
    QTextBrowser *detail = nullptr; ///< the selected format's full exact decimal, bits and hex
};

/** \brief The Rounding lab page. */
class RoundingPage : public LabPage {
    Q_OBJECT
public:
    explicit RoundingPage(QWidget *parent = nullptr);
    ~RoundingPage() override;

    void setFormat(Format f) override;
    Format format() const override { return m_format; }
    QList<PlotPanel *> plots() const override;
    QList<QWidget *> resultViews() const override;
    void saveSettings() const override;
    void restoreSettings() override;
    bool isBusy() const override;
    /** What the page shows now (its expressions as typed, top to bottom), as the lab's value. */
    RoundingLab lab() const;
    /** Puts \a lab on screen, one row per expression, and evaluates it (as a lesson file does). */
    void setLab(const RoundingLab &lab);
    /** True while some expression is still being evaluated (its result not yet shown). */
    bool isEvaluating() const;

    /** Adds an expression row with \a text; returns its index. */
    int addExpression(const QString &text);
    void removeExpression(int index);
    const QList<ExpressionRow> &rows() const { return m_rows; }
    PlotPanel *cancellationPanel() const { return m_plotPanel; }
    const CancellationSweep &sweep() const { return m_sweep; }

    /** Table columns: the value and its errors first (they matter most, and fit a 1024 px
     *  projector), then the exact decimal, the neighbours, and the wide bit pattern last. */
    enum Column {
        ValueCol,
        UlpCol,
        RelCol,
        AbsCol,
        ExactDecimalCol,
        HexCol,
        NextCol,
        PreviousCol,
        BitsCol,
        ColumnCount
    };
    /** Item data role holding a cell's full text (the exact decimal can have 16,000 digits). */
    static constexpr int FullTextRole = Qt::UserRole;
    /** Item data role (on ValueCol) holding the detail pane's HTML for that format. */
    static constexpr int DetailRole = Qt::UserRole + 1;
    /** Shows format row \a formatRow of expression \a index in its detail pane. */
    void showDetail(int index, int formatRow);

Q_SIGNALS:
    void sweepUpdated();
    void expressionEvaluated(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void evaluate(ExpressionRow &row);
    void showResult(ExpressionRow &row);
    void applySweep(const CancellationSweep &s);
    /** Starts the cancellation sweep for m_cancellation. */
    void startSweep();

    Format m_format = Format::Float32;
    QVBoxLayout *m_rowsLayout = nullptr;
    QList<ExpressionRow> m_rows;
    PlotPanel *m_plotPanel = nullptr;
    std::vector<Format> m_formats = RoundingLab {}.formats; ///< kept for lessons and the CLI; every format is listed
    CancellationSweepInput m_cancellation;
    CancellationSweep m_sweep;
    AsyncJob<CancellationSweep> m_job;
};

} // namespace logitlab::ui

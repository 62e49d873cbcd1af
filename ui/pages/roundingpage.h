#pragma once
/** \file
 * The Rounding lab: expressions evaluated in every format (stored value, exact decimal, bits,
 * neighbours, errors) and the cancellation plot of (1 + 1/n) - (1 - 1/n).
 */
#include "common/asyncjob.h"
#include "compute/cancellationsweep.h"
#include "pages/labpage.h"

class QLabel;
class QLineEdit;
class QTableWidget;
class QVBoxLayout;

namespace logitlab::ui {

class PlotPanel;

/** \brief One expression row: its input, message and per-format table. */
struct ExpressionRow {
    QWidget *box = nullptr;
    QLineEdit *input = nullptr;
    QLabel *message = nullptr;
    QTableWidget *table = nullptr;
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
    void saveSettings() const override;
    void restoreSettings() override;
    bool isBusy() const override;

    /** Adds an expression row with \a text; returns its index. */
    int addExpression(const QString &text);
    void removeExpression(int index);
    const QList<ExpressionRow> &rows() const { return m_rows; }
    PlotPanel *cancellationPanel() const { return m_plotPanel; }
    const CancellationSweep &sweep() const { return m_sweep; }

    /** Table columns. */
    enum Column { ValueCol, ExactDecimalCol, BitsCol, HexCol, NextCol, PreviousCol, AbsCol, RelCol, UlpCol, ColumnCount };

Q_SIGNALS:
    void sweepUpdated();
    void expressionEvaluated(int index);

private:
    void evaluate(ExpressionRow &row);
    void applySweep(const CancellationSweep &s);

    Format m_format = Format::Float32;
    QVBoxLayout *m_rowsLayout = nullptr;
    QList<ExpressionRow> m_rows;
    PlotPanel *m_plotPanel = nullptr;
    CancellationSweep m_sweep;
    AsyncJob<CancellationSweep> m_job;
};

} // namespace logitlab::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The softmax lab's results table: per element the logit, the reference and each method's
 * probability and ULP error, with NaN / inf / underflow cells coloured and explained.
 */
#include "softmax/softmaxreport.h"

#include <QAbstractTableModel>

#include <memory>

namespace logitlab::ui {

/** \brief Table model over one SoftmaxReport (shared, never copied per cell). */
class SoftmaxTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    /** Column of method \a m's value; its ULP error is the next column. */
    static int valueColumn(SoftmaxMethod m) { return 3 + 2 * static_cast<int>(m); }
    static constexpr int referenceColumn = 2;

    /**
     * Shows \a report. A report without reference (reference.softmax empty: the methods are
     * shown at once, the MPFR reference follows) shows "…" in the reference and ULP columns.
     * A report with as many rows as the current one updates the cells in place (no reset, so
     * the scroll position and the selection stay).
     */
    void setReport(std::shared_ptr<const SoftmaxReport> report);
    const SoftmaxReport *report() const { return m_report.get(); }
    /** True once the report holds the MPFR reference and the ULP errors. */
    bool hasReference() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    /** Why cell (row, method) is NaN, inf or 0; empty if it is an ordinary number. */
    QString explanation(int row, SoftmaxMethod m) const;

private:
    std::shared_ptr<const SoftmaxReport> m_report;
    long double m_maxLogit = 0;
};

/** Translated display name of a softmax method (legends, summaries). */
QString softmaxMethodName(SoftmaxMethod m);

/** Translated short name of a softmax method (table headers). */
QString softmaxMethodShortName(SoftmaxMethod m);

} // namespace logitlab::ui

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

    void setReport(std::shared_ptr<const SoftmaxReport> report);
    const SoftmaxReport *report() const { return m_report.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    /** Why cell (row, method) is NaN, inf or 0; empty if it is an ordinary number. */
    QString explanation(int row, SoftmaxMethod m) const;

private:
    std::shared_ptr<const SoftmaxReport> m_report;
};

/** Translated display name of a softmax method. */
QString softmaxMethodName(SoftmaxMethod m);

} // namespace logitlab::ui

// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * Help > Limits of exp: the table shows core's expLimits() for every format, the format in use
 * stands out, the tooltips carry the exact thresholds, and Copy as CSV gives values that read
 * back exactly (checked with core's decimal reader, an independent path from the printer).
 */
#include "pages/explimitsdialog.h"
#include "precision/explimits.h"
#include "precision/mpfrutil.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace logitlab;
using logitlab::ui::ExpLimitsDialog;

/** \brief Tests of the exp-limits dialog. */
class TstExpLimitsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsEveryFormat();
    void currentFormatStandsOut_data();
    void currentFormatStandsOut();
    void copyGivesExactValues();
};

void TstExpLimitsDialog::showsEveryFormat()
{
    ExpLimitsDialog d(Format::Float32);
    d.show();
    QCOMPARE(d.table()->rowCount(), static_cast<int>(allFormats.size()));
    QCOMPARE(d.table()->columnCount(), 8);
    // float32: the published limits of expf (glibc, fdlibm): 0x1.62e42ep6 = 88.72283, -0x1.9fe368p6.
    const int row = 2;
    QCOMPARE(d.table()->verticalHeaderItem(row)->text(), QStringLiteral("float32"));
    QCOMPARE(d.table()->item(row, 5)->text(), QStringLiteral("88.72283"));
    QCOMPARE(d.table()->item(row, 6)->text(), QStringLiteral("-103.97208"));
    QVERIFY(d.table()->item(row, 5)->toolTip().contains(QStringLiteral("88.722839081870676774")));
    if (const QByteArray dir = qgetenv("LOGITLAB_SHOTS"); !dir.isEmpty())
        d.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/explimits.png"));
}

void TstExpLimitsDialog::currentFormatStandsOut_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < allFormats.size(); ++i)
        QTest::newRow(std::string(formatName(allFormats[i])).c_str()) << static_cast<int>(i);
}

void TstExpLimitsDialog::currentFormatStandsOut()
{
    QFETCH(int, index);
    ExpLimitsDialog d(allFormats[static_cast<std::size_t>(index)]);
    for (int r = 0; r < d.table()->rowCount(); ++r)
        QCOMPARE(d.table()->item(r, 1)->font().bold(), r == index);
    QCOMPARE(d.table()->currentRow(), index);
}

void TstExpLimitsDialog::copyGivesExactValues()
{
    ExpLimitsDialog d(Format::Float64);
    d.show();
    QApplication::clipboard()->clear();
    QPushButton *copy = nullptr;
    for (QPushButton *b : d.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Copy as CSV"))
            copy = b;
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), static_cast<int>(allFormats.size()) + 1);
    for (std::size_t i = 0; i < allFormats.size(); ++i) {
        const Format f = allFormats[i];
        const ExpLimits l = expLimits(f);
        const QStringList cells = lines[static_cast<int>(i) + 1].split(QLatin1Char(','));
        QCOMPARE(cells.size(), 9);
        const long double expected[] = {l.epsilon, l.maxValue, l.minNormal, l.minSubnormal, l.lnMax, l.largestFinite,
            l.smallestPositive, l.smallestNormal};
        for (int c = 0; c < 8; ++c) {
            const auto back = decimalToFormat(cells[c + 1].toStdString(), f);
            QVERIFY2(back && *back == expected[c], qPrintable(cells[c + 1]));
        }
    }
}

QTEST_MAIN(TstExpLimitsDialog)
#include "tst_explimitsdialog.moc"

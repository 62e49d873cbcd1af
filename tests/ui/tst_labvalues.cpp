// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The labs' values (core/lab/) through the pages: typing fills lab(), setLab() fills the form, settings keep
 * them. */
#include "common/listinput.h"
#include "pages/lossespage.h"
#include "pages/roundingpage.h"
#include "pages/softmaxpage.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <cmath>
#include <memory>

using namespace logitlab;
using namespace logitlab::ui;

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList q(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &s : list)
        out << q(s);
    return out;
}

QStringList names(const std::vector<Format> &formats)
{
    QStringList out;
    for (Format f : formats)
        out << q(std::string(formatName(f)));
    return out;
}

// Field by field, so that a failure names the field.
void compare(const SoftmaxLab &a, const SoftmaxLab &e)
{
    QCOMPARE(q(a.logits), q(e.logits));
    QCOMPARE(q(a.matrix), q(e.matrix));
    QCOMPARE(a.matrixMode, e.matrixMode);
    QCOMPARE(a.dim, e.dim);
    QCOMPARE(a.slice, e.slice);
    QCOMPARE(static_cast<int>(a.matrixMethod), static_cast<int>(e.matrixMethod));
    QCOMPARE(a.scaleStep, e.scaleStep);
    QCOMPARE(q(std::string(formatName(a.format))), q(std::string(formatName(e.format))));
    QVERIFY(a == e); // and no field the comparisons above forgot
}

void compare(const LossLab &a, const LossLab &e)
{
    QCOMPARE(q(a.logits), q(e.logits));
    QCOMPARE(a.label, e.label);
    QCOMPARE(a.bce.from, e.bce.from);
    QCOMPARE(a.bce.to, e.bce.to);
    QCOMPARE(a.bce.points, e.bce.points);
    QCOMPARE(q(a.bce.label), q(e.bce.label));
    QCOMPARE(q(std::string(formatName(a.format))), q(std::string(formatName(e.format))));
    QVERIFY(a == e);
}

void compare(const RoundingLab &a, const RoundingLab &e)
{
    QCOMPARE(q(a.expressions), q(e.expressions));
    QCOMPARE(q(std::string(formatName(a.format))), q(std::string(formatName(e.format))));
    QCOMPARE(names(a.formats), names(e.formats));
    QCOMPARE(a.cancellation.points, e.cancellation.points);
    QVERIFY(a == e);
}

/** Replaces the whole text of \a w by typing \a text, as a person does (select all, type). */
void retype(QWidget *w, const QString &text)
{
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Delete);
    QTest::keyClicks(w, text);
}

bool waitUntil(const std::function<bool()> &done, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QTest::qWait(10);
    return done();
}

} // namespace

/** \brief The three labs' values against their pages. */
class TstLabValues : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationName(QStringLiteral("logitlab-tst-labvalues")); }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void softmaxDefaultsComeFromTheValue();
    void softmaxTypingFillsLab();
    void softmaxSetLabShowsIt();
    void softmaxSettingsRoundTrip();
    void lossesDefaultsComeFromTheValue();
    void lossesTypingFillsLab();
    void lossesSetLabShowsIt();
    void lossesSettingsRoundTrip();
    void roundingDefaultsComeFromTheValue();
    void roundingTypingFillsLab();
    void roundingSetLabShowsIt();
    void roundingSettingsRoundTrip();

private:
    /** A non-default Softmax lab: a 3x2 matrix along rows, its last row shown, log-softmax, scale 0.0501, float64. */
    static SoftmaxLab softmaxSample()
    {
        SoftmaxLab v;
        v.logits = "[5, 6]";
        v.matrix = "[[1, 2], [3, 4], [5, 6]]";
        v.matrixMode = true;
        v.dim = 1;
        v.slice = 2;
        v.matrixMethod = SoftmaxMethod::LogSoftmax;
        v.scaleStep = -130;
        v.format = Format::Float64;
        return v;
    }
    static LossLab lossSample()
    {
        LossLab v;
        v.logits = "[3, 1]";
        v.label = 1;
        v.bce.from = -7.5;
        v.bce.to = 12.25;
        v.bce.points = 51;
        v.bce.label = "0";
        v.format = Format::Float64;
        return v;
    }
    static RoundingLab roundingSample()
    {
        RoundingLab v;
        v.expressions = {"1/10", "sqrt(2)"};
        v.format = Format::Float16;
        v.formats = {Format::Float16, Format::BFloat16};
        v.cancellation.points = 41;
        return v;
    }
};

// Nothing stored: the form shows SoftmaxLab{} (settings.cpp takes its defaults from it).
void TstLabValues::softmaxDefaultsComeFromTheValue()
{
    SoftmaxPage page;
    compare(page.lab(), SoftmaxLab {});
    page.restoreSettings();
    page.waitForIdle();
    compare(page.lab(), SoftmaxLab {});
    QCOMPARE(page.logitInput()->toPlainText(), q(SoftmaxLab {}.logits));
}

void TstLabValues::softmaxTypingFillsLab()
{
    SoftmaxPage page;
    page.show();
    page.restoreSettings();
    page.waitForIdle();
    retype(page.logitInput(), QStringLiteral("[1, 2, 3]"));
    QComboBox *mode = page.modeBox();
    QCOMPARE(mode->currentIndex(), 0);
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down); // Matrix
    QCOMPARE(page.logitInput()->toPlainText(), q(SoftmaxLab {}.matrix));
    retype(page.logitInput(), QStringLiteral("1 2; 3 4"));
    QComboBox *axis = page.axisBox();
    axis->setFocus();
    QTest::keyClick(axis, Qt::Key_Up); // dim=0
    page.scaleSlider()->setFocus();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(page.scaleSlider(), Qt::Key_Right);
    page.matrixMethodBox()->setFocus();
    QTest::keyClick(page.matrixMethodBox(), Qt::Key_Down); // shifted
    page.waitForIdle();
    page.sliceBox()->setFocus();
    QTest::keyClick(page.sliceBox(), Qt::Key_Up); // column 1 of 2
    page.setFormat(Format::BFloat16); // as the window's format selector does
    page.waitForIdle();

    SoftmaxLab expected;
    expected.logits = "[1, 2, 3]";
    expected.matrix = "1 2; 3 4";
    expected.matrixMode = true;
    expected.dim = 0;
    expected.slice = 1;
    expected.matrixMethod = SoftmaxMethod::Shifted;
    expected.scaleStep = 5;
    expected.format = Format::BFloat16;
    compare(page.lab(), expected);
    QCOMPARE(page.scaleText(), QStringLiteral("1.12")); // 10^0.05 = 1.122
    // 2 rows, 2 columns, and the column-sum row of dim=0.
    QCOMPARE(page.matrixTable()->rowCount(), 3);
    QCOMPARE(page.matrixTable()->columnCount(), 2);
}

void TstLabValues::softmaxSetLabShowsIt()
{
    SoftmaxPage page;
    page.show();
    page.restoreSettings();
    page.waitForIdle();
    const SoftmaxLab v = softmaxSample();
    page.setLab(v);
    page.waitForIdle();
    compare(page.lab(), v);
    // What the user sees.
    QCOMPARE(page.logitInput()->toPlainText(), q(v.matrix));
    QCOMPARE(page.scaleText(), QStringLiteral("0.0501"));
    QCOMPARE(page.scaleSlider()->value(), -130);
    QCOMPARE(page.matrixMethodBox()->currentIndex(), static_cast<int>(SoftmaxMethod::LogSoftmax));
    QCOMPARE(page.sliceBox()->value(), 2);
    QVERIFY2(page.summaryText().startsWith(QStringLiteral("Row 2 of 3")), qPrintable(page.summaryText()));
    QTableWidget *t = page.matrixTable();
    QCOMPARE(t->rowCount(), 3);
    QCOMPARE(t->columnCount(), 3); // two columns and the row sums
    QVERIFY(t->isVisibleTo(&page));
    QVERIFY(!page.table()->isVisibleTo(&page));
    // Row 2 is 0.0501 * [5, 6]: p0 = 1 / (1 + e^0.0501) (the logits differ by 0.0501).
    const double p0 = 1 / (1 + std::exp(0.0501));
    QVERIFY(std::fabs(t->item(2, 0)->text().toDouble() - p0) < 1e-14);
    QVERIFY(std::fabs(t->item(2, 1)->text().toDouble() - (1 - p0)) < 1e-14);
    // The vector's text is kept while the matrix is shown, and comes back with the mode.
    QComboBox *mode = page.modeBox();
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Up);
    QCOMPARE(page.logitInput()->toPlainText(), q(v.logits));
    SoftmaxLab vector = v;
    vector.matrixMode = false;
    compare(page.lab(), vector);
}

void TstLabValues::softmaxSettingsRoundTrip()
{
    const SoftmaxLab v = softmaxSample();
    {
        SoftmaxPage page;
        page.setLab(v);
        page.waitForIdle();
        page.saveSettings();
    }
    SoftmaxPage page;
    page.setFormat(v.format); // the format is the window's setting, restored by MainWindow
    page.restoreSettings();
    page.waitForIdle();
    compare(page.lab(), v);
}

void TstLabValues::lossesDefaultsComeFromTheValue()
{
    LossesPage page;
    compare(page.lab(), LossLab {});
    QSignalSpy spy(&page, &LossesPage::sweepUpdated);
    page.restoreSettings();
    QVERIFY(spy.wait(20000));
    compare(page.lab(), LossLab {});
    QCOMPARE(page.fromEdit()->text(), QStringLiteral("-1000"));
    QCOMPARE(page.sweep().z.size(), std::size_t(2001));
}

void TstLabValues::lossesTypingFillsLab()
{
    LossesPage page;
    page.show();
    QSignalSpy spy(&page, &LossesPage::sweepUpdated);
    page.restoreSettings();
    QVERIFY(spy.wait(20000));
    retype(page.logitInput(), QStringLiteral("[1, 2, 3]"));
    retype(page.labelBox(), QStringLiteral("2"));
    retype(page.fromEdit(), QStringLiteral("-20"));
    QTest::keyClick(page.fromEdit(), Qt::Key_Return);
    retype(page.toEdit(), QStringLiteral("30"));
    QTest::keyClick(page.toEdit(), Qt::Key_Return);
    retype(page.pointsBox(), QStringLiteral("101"));
    retype(page.yBox(), QStringLiteral("0.25"));
    QVERIFY(waitUntil([&] { return !page.isBusy() && page.sweep().z.size() == 101 && page.sweep().label == 0.25L; }));

    LossLab expected;
    expected.logits = "[1, 2, 3]";
    expected.label = 2;
    expected.bce.from = -20;
    expected.bce.to = 30;
    expected.bce.points = 101;
    expected.bce.label = "0.25";
    compare(page.lab(), expected);
    QCOMPARE(page.sweep().z.front(), -20.0);
    QCOMPARE(page.sweep().z.back(), 30.0);
    QCOMPARE(static_cast<double>(page.sweep().label), 0.25);
}

void TstLabValues::lossesSetLabShowsIt()
{
    LossesPage page;
    page.show();
    const LossLab v = lossSample();
    QSignalSpy spy(&page, &LossesPage::sweepUpdated);
    page.setLab(v);
    QVERIFY(waitUntil([&] { return !page.isBusy() && page.sweep().z.size() == 51; }));
    compare(page.lab(), v);
    QCOMPARE(page.logitInput()->toPlainText(), QStringLiteral("[3, 1]"));
    QCOMPARE(page.labelBox()->value(), 1);
    QCOMPARE(page.fromEdit()->text(), QStringLiteral("-7.5"));
    QCOMPARE(page.toEdit()->text(), QStringLiteral("12.25"));
    QCOMPARE(page.pointsBox()->value(), 51);
    QCOMPARE(page.yBox()->currentText(), QStringLiteral("0"));
    QCOMPARE(page.format(), Format::Float64);
    QCOMPARE(page.sweep().format, Format::Float64);
    QCOMPARE(page.sweep().z.front(), -7.5);
    QCOMPARE(page.sweep().z.back(), 12.25);
    QCOMPARE(static_cast<double>(page.sweep().label), 0.0);
    // Cross-entropy of [3, 1] for class 1: log(1 + e^2) = 2.1269280110429727 (float64).
    const double ce = page.ceTable()->item(4, 0)->text().toDouble();
    QVERIFY(std::fabs(ce - std::log1p(std::exp(2.0))) < 2e-15);
}

void TstLabValues::lossesSettingsRoundTrip()
{
    const LossLab v = lossSample();
    {
        LossesPage page;
        page.setLab(v);
        page.saveSettings();
    }
    LossesPage page;
    page.setFormat(v.format); // the window's setting
    page.restoreSettings();
    compare(page.lab(), v);
}

void TstLabValues::roundingDefaultsComeFromTheValue()
{
    RoundingPage page;
    page.restoreSettings();
    QVERIFY(waitUntil([&] { return !page.isEvaluating(); }));
    compare(page.lab(), RoundingLab {});
}

void TstLabValues::roundingTypingFillsLab()
{
    RoundingPage page;
    page.show();
    page.restoreSettings();
    auto *add = page.findChild<QPushButton *>(QStringLiteral("addExpression"));
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(page.rows().size(), 3);
    retype(page.rows()[0].input, QStringLiteral("0.1+0.2"));
    QVERIFY(waitUntil([&] { return !page.isEvaluating(); }));

    RoundingLab expected;
    expected.expressions = {"0.1+0.2", "(1+1/10000)-(1-1/10000)", RoundingLab::newExpression};
    compare(page.lab(), expected);
    // float64 (row 3): 0.1 + 0.2 rounds to 0.30000000000000004 (IEEE 754, well known).
    QCOMPARE(page.rows()[0].table->item(3, RoundingPage::ValueCol)->text(), QStringLiteral("0.30000000000000004"));
}

void TstLabValues::roundingSetLabShowsIt()
{
    RoundingPage page;
    page.show();
    page.restoreSettings();
    const RoundingLab v = roundingSample();
    QSignalSpy spy(&page, &RoundingPage::sweepUpdated);
    page.setLab(v);
    QVERIFY(waitUntil([&] { return !page.isEvaluating() && page.sweep().n.size() == 41; }));
    compare(page.lab(), v);
    QCOMPARE(page.rows().size(), 2);
    QCOMPARE(page.rows()[0].input->text(), QStringLiteral("1/10"));
    QCOMPARE(page.rows()[1].input->text(), QStringLiteral("sqrt(2)"));
    QCOMPARE(page.format(), Format::Float16);
    // float16 (row 0): 1/10 rounds to 1638 * 2^-14 = 0.0999755859375 (0.1 * 2^14 = 1638.4).
    QCOMPARE(page.rows()[0].table->item(0, RoundingPage::ExactDecimalCol)->text(), QStringLiteral("0.0999755859375"));
    QCOMPARE(page.sweep().n.front(), 1.0);
    QCOMPARE(page.sweep().n.back(), 1e8);
}

// The settings keep what the window lets one change (the expressions); a lesson's report
// formats and cancellation points go back to the defaults, the format is the window's.
void TstLabValues::roundingSettingsRoundTrip()
{
    const RoundingLab v = roundingSample();
    {
        RoundingPage page;
        page.setLab(v);
        QVERIFY(waitUntil([&] { return !page.isEvaluating(); }));
        page.saveSettings();
    }
    RoundingPage page;
    page.setFormat(v.format);
    page.restoreSettings();
    QVERIFY(waitUntil([&] { return !page.isEvaluating(); }));
    RoundingLab expected = v;
    expected.formats = RoundingLab {}.formats;
    expected.cancellation = RoundingLab {}.cancellation;
    compare(page.lab(), expected);
}

QTEST_MAIN(TstLabValues)
#include "tst_labvalues.moc"

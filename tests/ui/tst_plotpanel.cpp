// SPDX-License-Identifier: GPL-3.0-or-later
/** \file PlotPanel export: PNG/SVG/PDF/CSV through QSaveFile, and a clear failure on a bad path. */
#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace logitlab;
using namespace logitlab::ui;

Q_DECLARE_METATYPE(logitlab::Format)

/** \brief Tests PlotPanel's export and CSV. */
class TstPlotPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_panel = std::make_unique<PlotPanel>(QStringLiteral("test"));
        m_panel->resize(800, 500);
        QCPGraph *g = m_panel->plot()->addGraph();
        g->setName(QStringLiteral("square"));
        QVector<double> x, y;
        for (int i = 0; i < 100; ++i) {
            x << i;
            y << i * i;
        }
        g->setData(x, y);
        m_panel->plot()->rescaleAxes();
    }

    void exportsFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::addRow("png") << QStringLiteral("p.png") << QByteArray("\x89PNG\r\n\x1a\n");
        QTest::addRow("pdf") << QStringLiteral("p.pdf") << QByteArray("%PDF");
        QTest::addRow("svg") << QStringLiteral("p.svg") << QByteArray("<?xml");
    }
    void exportsFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QString error;
        QVERIFY2(m_panel->exportTo(path, PlotPanel::kindForPath(path), &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.startsWith(magic), bytes.left(16).toHex().constData());
        QVERIFY(bytes.size() > 1024);
        if (name.endsWith(QLatin1String("svg")))
            QVERIFY(bytes.contains("<svg"));
    }

    void exportsCsv()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.csv"));
        QVERIFY(m_panel->exportTo(path, ExportKind::Csv));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 101);
        QCOMPARE(lines[0], QStringLiteral("series,x,y,z"));
        QCOMPARE(lines[4], QStringLiteral("\"square\",3,9,"));
        QCOMPARE(lines[100], QStringLiteral("\"square\",99,9801,"));
    }

    void unwritablePathFailsCleanly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/sub/p.png"));
        QString error;
        QVERIFY(!m_panel->exportTo(path, ExportKind::Png, &error));
        QVERIFY(error.contains(QStringLiteral("p.png")));
        QVERIFY(!QFile::exists(path));
    }

private:
    std::unique_ptr<PlotPanel> m_panel;
};

// (Added below the class with its own test object so the fixture above stays as it is.)
/** \brief Hover readouts and legend wrapping, driven with the mouse and by resizing. */
class TstPlotPanelReadout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valueText_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<Format>("format");
        QTest::addColumn<QString>("text");
        // float32 0.1 is 13421773 * 2^-27 = 0.100000001490116119384765625: float32's shortest is
        // "0.1"; in a float64 lab the same double needs 17 digits to read back.
        QTest::addRow("float32 0.1 in float32")
            << static_cast<double>(0.1f) << Format::Float32 << QStringLiteral("0.1");
        QTest::addRow("float32 0.1 in float64")
            << static_cast<double>(0.1f) << Format::Float64 << QStringLiteral("0.10000000149011612");
        QTest::addRow("float32 softmax value")
            << static_cast<double>(0.09003057f) << Format::Float32 << QStringLiteral("0.09003057");
        // A double that is not a float32 (an error, a derived value) keeps float64's digits.
        QTest::addRow("double 1/3 in float32 lab")
            << 1.0 / 3.0 << Format::Float32 << QStringLiteral("0.3333333333333333");
        // float16 0.1 is 1638 * 2^-14 = 0.0999755859375: float16's shortest is "0.1".
        QTest::addRow("float16 0.1") << 0.0999755859375 << Format::Float16 << QStringLiteral("0.1");
        QTest::addRow("integer") << 1000.0 << Format::Float32 << QStringLiteral("1000");
        QTest::addRow("nan") << std::nan("") << Format::Float32 << QStringLiteral("nan");
        QTest::addRow("inf") << std::numeric_limits<double>::infinity() << Format::Float16 << QStringLiteral("inf");
        QTest::addRow("beyond float32") << 1e300 << Format::Float32 << QStringLiteral("1e+300");
    }

    void valueText()
    {
        QFETCH(double, value);
        QFETCH(Format, format);
        QFETCH(QString, text);
        QCOMPARE(plotValueText(value, format), text);
    }

    void cursorReadoutHasFourDigits()
    {
        PlotPanel panel(QStringLiteral("empty"));
        panel.resize(600, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.plot()->xAxis->setRange(0, 3);
        panel.plot()->yAxis->setRange(0, 1);
        panel.plot()->replot();
        QTest::mouseMove(panel.plot(), panel.plot()->axisRect()->center());
        QTRY_VERIFY(panel.readout().startsWith(QStringLiteral("x =")));
        // "x = 1.49, y = 0.5012": no 17-digit cursor positions.
        const QStringList parts = panel.readout().split(QLatin1Char(','));
        for (const QString &part : parts) {
            const QString number = part.section(QLatin1Char('='), 1).trimmed();
            QString digits = number;
            digits.remove(QLatin1Char('.')).remove(QLatin1Char('-'));
            while (digits.startsWith(QLatin1Char('0')))
                digits.remove(0, 1);
            QVERIFY2(digits.size() <= 4, qPrintable(panel.readout()));
        }
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TstPlotPanel exports;
    TstPlotPanelReadout readout;
    return QTest::qExec(&exports, argc, argv) | QTest::qExec(&readout, argc, argv);
}
#include "tst_plotpanel.moc"

/** \file PlotPanel export: PNG/SVG/PDF/CSV through QSaveFile, and a clear failure on a bad path. */
#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace logitlab::ui;

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

QTEST_MAIN(TstPlotPanel)
#include "tst_plotpanel.moc"

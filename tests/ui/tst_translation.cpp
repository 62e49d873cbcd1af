/** \file The zh_CN translation (embedded as :/i18n/logitlab_zh_CN.qm) reaches every lab's widgets. */
#include "mainwindow.h"
#include "models/softmaxtablemodel.h"
#include "pages/lossespage.h"
#include "pages/softmaxpage.h"

#include <QCoreApplication>
#include <QMenuBar>
#include <QSettings>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace logitlab;
using namespace logitlab::ui;

/** \brief Loads the Chinese translation as main() does and checks known labels. */
class TstTranslation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("logitlab-tst-translation"));
        QSettings().clear();
        QVERIFY(m_translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("logitlab"), QStringLiteral("_"),
                                  QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&m_translator);
    }

    void labelsAreChinese()
    {
        MainWindow w;
        w.waitForIdle();
        // Menus (context logitlab::ui::MainWindow): the translator found the namespaced context.
        QCOMPARE(w.menuBar()->actions().front()->text(), QStringLiteral("文件(&F)"));
        // A page's table header and a model's header (other contexts, other files).
        QCOMPARE(w.lossesPage()->ceTable()->horizontalHeaderItem(0)->text(), QStringLiteral("损失"));
        QCOMPARE(w.softmaxPage()->model()->headerData(SoftmaxTableModel::referenceColumn, Qt::Horizontal).toString(),
                 QStringLiteral("参考值"));
        // Shared messages (context UiText) too.
        QCOMPARE(QCoreApplication::translate("UiText", "Not a list of numbers."), QStringLiteral("这不是数字列表。"));
    }

    void untranslatedWithoutTranslator()
    {
        QCoreApplication::removeTranslator(&m_translator);
        MainWindow w;
        QCOMPARE(w.menuBar()->actions().front()->text(), QStringLiteral("&File"));
    }

private:
    QTranslator m_translator;
};

QTEST_MAIN(TstTranslation)
#include "tst_translation.moc"

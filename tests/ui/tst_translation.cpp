// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The zh_CN translation (embedded as :/i18n/logitlab_zh_CN.qm) reaches every lab's widgets. */
#include "mainwindow.h"
#include "models/softmaxtablemodel.h"
#include "pages/lossespage.h"
#include "pages/softmaxpage.h"
#include "plots/plotpanel.h"
#include "training/trainingcontrols.h"
#include "training/trainingcurves.h"
#include "training/trainingpage.h"
#include "training/trainingtext.h"

#include "nn/presets.h"

#include <QCoreApplication>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>
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

    void trainingLabelsAreChinese()
    {
        MainWindow w;
        // The toolbar's lab switch.
        const auto *toolbar = w.findChild<QToolBar *>();
        QVERIFY(toolbar);
        QStringList actions;
        for (const QAction *a : toolbar->actions())
            actions << a->text();
        QVERIFY2(actions.contains(QStringLiteral("训练")), qPrintable(actions.join(QLatin1Char('|'))));
        TrainingPage *page = w.trainingPage();
        // Context TrainingPage (a class with Q_OBJECT) and TrainingCurves.
        QCOMPARE(page->findChild<QPushButton *>(QStringLiteral("stepButton"))->text(), QStringLiteral("单步 ▸"));
        QCOMPARE(page->curves()->lossPanel()->title(), QStringLiteral("损失（线：批次，点：epoch）"));
        // Context TrainingText: free functions, which lupdate once filed under "logitlab::ui".
        QCOMPARE(headShort(Head::SoftmaxClipped), QStringLiteral("softmax 截断"));
        // A preset's words come from core in English and are translated by the UI's copy.
        page->controls()->applyPreset(QStringLiteral("large-logits"));
        QVERIFY2(page->controls()->explanation().contains(QStringLiteral("大 logits：截断的概率路径饱和")),
            qPrintable(page->controls()->explanation()));
        QVERIFY(page->controls()->explanation().contains(QStringLiteral("-log(1e-7) = 16.118")));
    }

    void everyPresetIsTranslated()
    {
        for (const Preset &p : presets()) {
            // The window words every preset (core holds no words)...
            QVERIFY2(hasPresetWords(p), p.name.data());
            // ...and the .qm holds a Chinese title and paragraph for it (CJK characters in both).
            const auto chinese = [](const QString &t) {
                return std::any_of(
                    t.begin(), t.end(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
            };
            QVERIFY2(chinese(presetExplanation(p)), p.name.data());
            QVERIFY2(chinese(presetTitle(p)), p.name.data());
        }
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

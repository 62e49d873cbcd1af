/** \file `logitlab`: the desktop labs. `--screenshots DIR` renders every page at 1920x1080 and
 * 1366x768 into DIR (used by tools/screenshots.sh under Xvfb) and exits. */
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LogitLab"));
    QApplication::setApplicationName(QStringLiteral("logitlab"));
    QApplication::setApplicationVersion(QStringLiteral(LOGITLAB_VERSION));
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(font.pointSizeF(), 11.0)); // readable when projected
    QApplication::setFont(font);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LogitLab: numerically stable softmax and cross-entropy"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption shots(QStringLiteral("screenshots"),
                                   QStringLiteral("Render every page at 1920x1080 and 1366x768 into DIR and exit."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("UI language, e.g. zh_CN."),
                                  QStringLiteral("LOCALE"));
    parser.addOption(shots);
    parser.addOption(lang);
    parser.process(app);

    const QLocale locale = parser.isSet(lang) ? QLocale(parser.value(lang)) : QLocale();
    if (locale.language() == QLocale::Chinese) {
        // A CJK font first (Debian: fonts-noto-cjk); Latin text still renders through its Latin glyphs.
        for (const QString &family : {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                                      QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Droid Sans Fallback")})
            if (QFontDatabase::hasFamily(family)) {
                QFont cjk = QApplication::font();
                cjk.setFamilies({family});
                QApplication::setFont(cjk);
                break;
            }
    }
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(locale, QStringLiteral("logitlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    if (parser.isSet(shots)) {
        // Defaults, not the user's settings: a separate application name, cleared first.
        QApplication::setApplicationName(QStringLiteral("logitlab-screenshots"));
        QSettings().clear();
        const QString dir = parser.value(shots);
        QDir().mkpath(dir);
        const QString suffix = parser.isSet(lang) ? QStringLiteral("-") + parser.value(lang) : QString();
        for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
            logitlab::ui::MainWindow w;
            w.resize(size);
            w.show();
            for (int page = 0; page < w.pageCount(); ++page) {
                w.setPage(page);
                w.waitForIdle();
                QApplication::processEvents();
                const QString name = QStringLiteral("%1/page%2-%3x%4%5.png")
                                         .arg(dir)
                                         .arg(page + 1)
                                         .arg(size.width())
                                         .arg(size.height())
                                         .arg(suffix);
                if (!w.grab().save(name))
                    return 1;
            }
        }
        return 0;
    }

    logitlab::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}

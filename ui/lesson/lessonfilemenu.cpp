// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lessonfilemenu.h"

#include "lesson/lessoncontroller.h"
#include "lesson/lessonfile.h"
#include "mainwindow.h"
#include "settings/settings.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace logitlab::ui {
namespace {

constexpr int maxRecent = 8;

QString fileFilter()
{
    return LessonFileMenu::tr("LogitLab lessons (*.logitlab);;All files (*)");
}

bool isBuiltin(const QString &path)
{
    return path.startsWith(QLatin1String(":/"));
}

} // namespace

QList<BuiltinLesson> builtinLessons(const QLocale &locale)
{
    QString dir = QStringLiteral(":/lessons/") + locale.name();
    if (!QDir(dir).exists())
        dir = QStringLiteral(":/lessons/en");
    QList<BuiltinLesson> lessons;
    for (const QString &name : QDir(dir).entryList({QStringLiteral("*.logitlab")}, QDir::Files, QDir::Name)) {
        QFile f(dir + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        const auto read = readLesson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        if (const auto *lesson = std::get_if<Lesson>(&read))
            lessons.append({f.fileName(), QString::fromStdString(lesson->title)});
    }
    return lessons;
}

LessonFileMenu::LessonFileMenu(MainWindow *window, LessonController *controller)
    : QObject(window), m_window(window), m_controller(controller), m_baseTitle(window->windowTitle())
{
    connect(m_controller, &LessonController::modifiedChanged, this, &LessonFileMenu::updateTitle);
    connect(m_controller, &LessonController::lessonChanged, this, &LessonFileMenu::updateTitle);
}

void LessonFileMenu::fillFileMenu(QMenu *file, QAction *before)
{
    const auto add = [&](const QString &text, QKeySequence key, auto slot, const char *name) {
        auto *a = new QAction(text, file);
        a->setShortcut(key);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, this, slot);
        file->insertAction(before, a);
        return a;
    };
    add(
        tr("&New lesson"), QKeySequence::New,
        [this] {
            if (maybeSave())
                m_controller->clear();
        },
        "newLessonAction");
    add(
        tr("&Open lesson…"), QKeySequence::Open,
        [this] {
            if (!maybeSave())
                return;
            const QString path = QFileDialog::getOpenFileName(m_window, tr("Open lesson"),
                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), fileFilter());
            if (!path.isEmpty())
                openFile(path);
        },
        "openLessonAction");
    m_recent = new QMenu(tr("Open &recent"), file);
    file->insertMenu(before, m_recent);
    connect(m_recent, &QMenu::aboutToShow, this, &LessonFileMenu::fillRecent);
    add(
        tr("&Save lesson"), QKeySequence::Save, [this] { save(); }, "saveLessonAction");
    add(
        tr("Save lesson &as…"), QKeySequence::SaveAs, [this] { saveAs(); }, "saveLessonAsAction");
    file->insertSeparator(before);
}

void LessonFileMenu::fillLessonMenu(QMenu *lesson, QAction *toggleDock)
{
    QAction *add
        = lesson->addAction(tr("&Add scene (what is on screen)"), m_controller, &LessonController::addCurrentState);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    add->setObjectName(QStringLiteral("addSceneAction"));
    lesson->addAction(tr("&Update scene"), m_controller, &LessonController::updateCurrentScene);
    lesson->addSeparator();
    // PageDown, PageUp and Space are read by the controller (they must win over the pages' keys);
    // the menu names them.
    lesson->addAction(tr("&Next scene\tPgDown"), m_controller, &LessonController::next);
    lesson->addAction(tr("&Previous scene\tPgUp"), m_controller, &LessonController::previous);
    lesson->addAction(tr("&Reveal\tSpace"), m_controller, &LessonController::reveal);
    lesson->addSeparator();
    lesson->addAction(toggleDock);
}

void LessonFileMenu::fillHelpMenu(QMenu *help)
{
    QMenu *lessons = help->addMenu(tr("&Lessons"));
    lessons->setObjectName(QStringLiteral("builtinLessonsMenu"));
    connect(lessons, &QMenu::aboutToShow, this, [this, lessons] {
        lessons->clear();
        for (const BuiltinLesson &b : builtinLessons(QLocale()))
            lessons->addAction(b.title, this, [this, path = b.path] { openFile(path); });
    });
}

bool LessonFileMenu::openFile(const QString &path)
{
    m_lastError.clear();
    if (!maybeSave())
        return false;
    QString error;
    if (!m_controller->open(path, &error)) {
        showError(error);
        return false;
    }
    if (!isBuiltin(path))
        rememberRecent(QFileInfo(path).absoluteFilePath());
    m_window->statusBar()->showMessage(tr("Lesson opened: %1 scenes. PageDown: next scene, PageUp: previous.")
                                           .arg(m_controller->lesson().scenes.size()),
        8000);
    return true;
}

bool LessonFileMenu::maybeSave()
{
    if (!m_controller->isModified() || !m_interactive)
        return true;
    const auto answer = QMessageBox::question(m_window, tr("Unsaved lesson"),
        tr("The lesson has changes that are not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    return answer == QMessageBox::Discard || save();
}

bool LessonFileMenu::save()
{
    const QString path = m_controller->path();
    if (path.isEmpty() || isBuiltin(path))
        return saveAs();
    QString error;
    if (!m_controller->save(path, &error)) {
        showError(error);
        return false;
    }
    m_window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool LessonFileMenu::saveAs()
{
    const QString current = m_controller->path();
    const QString start = current.isEmpty() || isBuiltin(current)
        ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/lesson.logitlab")
        : current;
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save lesson"), start, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".logitlab");
    QString error;
    if (!m_controller->save(path, &error)) {
        showError(error);
        return false;
    }
    rememberRecent(QFileInfo(path).absoluteFilePath());
    return true;
}

void LessonFileMenu::updateTitle()
{
    const QString path = m_controller->path();
    const QString title = QString::fromStdString(m_controller->lesson().title);
    const QString name = !title.isEmpty() ? title : !path.isEmpty() ? QFileInfo(path).fileName() : QString();
    // "[*]" in every title: a new lesson's unsaved scenes are marked too (Qt shows it as "*").
    m_window->setWindowTitle(name.isEmpty() ? m_baseTitle + QStringLiteral("[*]") : tr("%1[*] — LogitLab").arg(name));
    m_window->setWindowModified(m_controller->isModified());
}

void LessonFileMenu::rememberRecent(const QString &path)
{
    QStringList recent = readSetting(settings::recentLessons()).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecent)
        recent.removeLast();
    writeSetting(settings::recentLessons(), recent);
}

void LessonFileMenu::fillRecent()
{
    m_recent->clear();
    const QStringList recent = readSetting(settings::recentLessons()).toStringList();
    for (const QString &path : recent)
        m_recent->addAction(QDir::toNativeSeparators(path), this, [this, path] { openFile(path); });
    if (recent.isEmpty())
        m_recent->addAction(tr("(none yet)"))->setEnabled(false);
}

void LessonFileMenu::showError(const QString &message)
{
    m_lastError = message;
    m_window->statusBar()->showMessage(message, 15000);
    if (m_interactive)
        QMessageBox::warning(m_window, tr("Lesson"), message);
}

} // namespace logitlab::ui

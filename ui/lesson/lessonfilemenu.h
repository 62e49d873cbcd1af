// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The window's lesson commands: File > New / Open / Open recent / Save / Save as, the Lesson
 * menu (add scene, next, previous, reveal), Help > Lessons (the course's lessons, built in), the
 * question to save changes before they would be lost, and the window title.
 */
#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QLocale;
class QMenu;

namespace logitlab::ui {

class LessonController;
class MainWindow;

/** \brief A lesson built into the application (resources/lessons/<language>/). */
struct BuiltinLesson {
    QString path; ///< ":/lessons/en/01-softmax-probabilities.logitlab"
    QString title; ///< its "title"
};

/** The built-in lessons in \a locale's language (English if there are none in it), in file order. */
QList<BuiltinLesson> builtinLessons(const QLocale &locale);

/** \brief Builds the lesson menus into the window and carries out their commands. */
class LessonFileMenu : public QObject {
    Q_OBJECT
public:
    LessonFileMenu(MainWindow *window, LessonController *controller);

    /** Adds New, Open, Open recent, Save and Save as to \a file (before \a before). */
    void fillFileMenu(QMenu *file, QAction *before);
    /** The Lesson menu: add scene, update, next, previous, reveal, show the scene list. */
    void fillLessonMenu(QMenu *lesson, QAction *toggleDock);
    /** Help > Lessons: one entry per built-in lesson. */
    void fillHelpMenu(QMenu *help);

    /** Opens \a path (after asking to save changes); a bad file is reported and changes nothing. */
    bool openFile(const QString &path);
    /** Asks to save unsaved changes; false if the user cancels (the caller must not go on). */
    bool maybeSave();
    bool save();
    bool saveAs();

    /** The last error shown (tests read it; empty if none since the last command). */
    QString lastError() const { return m_lastError; }
    /** Report errors in a message box (the default) or only in lastError() (tests, headless runs). */
    void setInteractive(bool interactive) { m_interactive = interactive; }

private:
    void updateTitle();
    void rememberRecent(const QString &path);
    void fillRecent();
    void showError(const QString &message);

    MainWindow *m_window;
    LessonController *m_controller;
    QMenu *m_recent = nullptr;
    QString m_lastError;
    QString m_baseTitle; ///< the window's title without a lesson
    bool m_interactive = true;
};

} // namespace logitlab::ui

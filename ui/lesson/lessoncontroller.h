// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The open lesson of the main window: its file, its scenes, the current scene and whether its
 * hidden results have been revealed. It captures the window's state as a scene and puts a
 * scene back on screen through the pages' lab values (core/lab), the same values the file holds.
 * Presenting keys (a clicker sends PageDown/PageUp): PageDown next scene, PageUp previous,
 * Space reveals what the current scene hides (when nothing is hidden, Space does what it did).
 */
#include "lesson/lesson.h"

#include <QObject>
#include <QString>

namespace logitlab::ui {

class MainWindow;
class RevealCovers;

/** \brief The lesson being shown or prepared. */
class LessonController : public QObject {
    Q_OBJECT
public:
    explicit LessonController(MainWindow *window);
    ~LessonController() override;

    const Lesson &lesson() const { return m_lesson; }
    /** The file the lesson was read from or last saved to (empty for a new lesson). */
    QString path() const { return m_path; }
    bool isModified() const { return m_modified; }
    /** The scene on screen (-1 with no scene). */
    int current() const { return m_current; }
    /** True when the current scene hides results that are not yet revealed. */
    bool hasHidden() const;

    /**
     * Reads \a path and shows its first scene. A bad file changes nothing: false, and \a error
     * holds one sentence naming the problem.
     */
    bool open(const QString &path, QString *error);
    /** Writes the lesson to \a path atomically (QSaveFile); false and \a error on failure. */
    bool save(const QString &path, QString *error);
    /** An empty lesson (the window keeps its state; Ctrl+M adds it as the first scene). */
    void clear();

    /** The window's state as a scene titled \a title (the page, every lab, the training steps). */
    Scene capture(const QString &title) const;
    /** Adds the window's state as a new scene after the current one and makes it current. */
    void addCurrentState();
    /** Replaces the current scene's labs and page with the window's state (keeps title, question, note). */
    void updateCurrentScene();
    /** Removes scene \a index. */
    void removeScene(int index);
    /** Sets scene \a index's title, question, note and hidden parts. */
    void editScene(int index, const Scene &texts);

    /** Shows scene \a index (its page, labs, training steps), its hidden parts covered. */
    void goTo(int index);
    void next();
    void previous();
    /** Uncovers the current scene's hidden parts. */
    void reveal();

    RevealCovers *covers() const { return m_covers; }

Q_SIGNALS:
    /** The scene list, a title, or the file changed. */
    void lessonChanged();
    /** Another scene is on screen, or its parts were revealed. */
    void sceneShown(int index);
    void modifiedChanged(bool modified);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setModified(bool modified);
    void coverHidden();
    bool typingTarget() const;

    MainWindow *m_window;
    RevealCovers *m_covers;
    Lesson m_lesson;
    QString m_path;
    int m_current = -1;
    bool m_revealed = true;
    bool m_modified = false;
};

} // namespace logitlab::ui

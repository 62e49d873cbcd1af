// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The lesson's scene list, docked beside the labs: the scenes by title, the current scene's
 * question (large, for the class) and Reveal button, the teacher's note, and the buttons that
 * add, update, edit and remove scenes.
 */
#include <QDockWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace logitlab::ui {

class LessonController;

/** \brief The Lesson dock. */
class SceneDock : public QDockWidget {
    Q_OBJECT
public:
    SceneDock(LessonController *controller, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    /** The course's lessons, offered while no lesson is open (activate one to open it). */
    QListWidget *builtinList() const { return m_builtin; }
    QLabel *questionLabel() const { return m_question; }
    QLabel *noteLabel() const { return m_note; }
    QPushButton *revealButton() const { return m_reveal; }

    /** Opens the dialog that edits scene \a index's title, question, note and hidden parts. */
    void editScene(int index);

Q_SIGNALS:
    /** A built-in lesson was chosen. */
    void openRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refill();
    void showScene(int index);
    void retranslate();
    void applyFonts();

    LessonController *m_controller;
    QListWidget *m_list = nullptr, *m_builtin = nullptr;
    QLabel *m_question = nullptr, *m_note = nullptr, *m_empty = nullptr, *m_hint = nullptr;
    QPushButton *m_reveal = nullptr, *m_add = nullptr, *m_update = nullptr, *m_edit = nullptr, *m_remove = nullptr;
};

} // namespace logitlab::ui

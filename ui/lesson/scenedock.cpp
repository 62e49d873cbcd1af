// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/scenedock.h"

#include "lesson/lessoncontroller.h"
#include "lesson/lessonfilemenu.h"
#include "lesson/lessontext.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace logitlab::ui {

SceneDock::SceneDock(LessonController *controller, QWidget *parent) : QDockWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("sceneDock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_empty = new QLabel;
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
    m_builtin = new QListWidget;
    m_builtin->setObjectName(QStringLiteral("builtinLessonList"));
    m_builtin->setWordWrap(true);
    for (const BuiltinLesson &b : builtinLessons(QLocale())) {
        auto *item = new QListWidgetItem(b.title, m_builtin);
        item->setData(Qt::UserRole, b.path);
    }
    connect(m_builtin, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { Q_EMIT openRequested(item->data(Qt::UserRole).toString()); });
    layout->addWidget(m_builtin, 2);
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("sceneList"));
    m_list->setWordWrap(true);
    layout->addWidget(m_list, 2);
    m_question = new QLabel;
    m_question->setObjectName(QStringLiteral("sceneQuestion"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    layout->addWidget(m_question);
    m_reveal = new QPushButton;
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    layout->addWidget(m_reveal);
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("sceneNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    QPalette grey = m_note->palette();
    grey.setColor(QPalette::WindowText, QColor(0x50, 0x50, 0x50));
    m_note->setPalette(grey);
    layout->addWidget(m_note, 1, Qt::AlignTop);
    auto *buttons = new QGridLayout;
    m_add = new QPushButton;
    m_update = new QPushButton;
    m_edit = new QPushButton;
    m_remove = new QPushButton;
    for (QPushButton *b : {m_add, m_update, m_edit, m_remove})
        b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed); // the dock may be narrow
    buttons->addWidget(m_add, 0, 0);
    buttons->addWidget(m_update, 0, 1);
    buttons->addWidget(m_edit, 1, 0);
    buttons->addWidget(m_remove, 1, 1);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_controller->current())
            m_controller->goTo(row);
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { editScene(m_list->currentRow()); });
    connect(m_reveal, &QPushButton::clicked, m_controller, &LessonController::reveal);
    connect(m_add, &QPushButton::clicked, m_controller, &LessonController::addCurrentState);
    connect(m_update, &QPushButton::clicked, m_controller, &LessonController::updateCurrentScene);
    connect(m_edit, &QPushButton::clicked, this, [this] { editScene(m_controller->current()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { m_controller->removeScene(m_controller->current()); });
    connect(m_controller, &LessonController::lessonChanged, this, &SceneDock::refill);
    connect(m_controller, &LessonController::sceneShown, this, &SceneDock::showScene);
    retranslate();
    applyFonts();
    refill();
}

void SceneDock::applyFonts()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_question->setFont(big);
}

void SceneDock::refill()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto &scenes = m_controller->lesson().scenes;
    for (std::size_t i = 0; i < scenes.size(); ++i) {
        const Scene &s = scenes[i];
        const QString mark = s.question.empty() ? QString() : QStringLiteral("[?] ");
        m_list->addItem(QStringLiteral("%1. %2%3").arg(i + 1).arg(mark, QString::fromStdString(s.title)));
    }
    showScene(m_controller->current());
}

void SceneDock::showScene(int index)
{
    const auto &scenes = m_controller->lesson().scenes;
    const bool any = !scenes.empty();
    m_empty->setVisible(!any);
    m_builtin->setVisible(!any);
    m_hint->setVisible(!any);
    m_list->setVisible(any);
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(index);
    }
    const bool valid = index >= 0 && index < static_cast<int>(scenes.size());
    const Scene *s = valid ? &scenes[static_cast<std::size_t>(index)] : nullptr;
    m_question->setText(s ? QString::fromStdString(s->question) : QString());
    m_question->setVisible(s && !s->question.empty());
    m_reveal->setVisible(m_controller->hasHidden());
    // The note often holds the answer: it shows once nothing is hidden any more.
    const bool showNote = s && !s->note.empty() && !m_controller->hasHidden();
    m_note->setText(showNote ? tr("Note: %1").arg(QString::fromStdString(s->note)) : QString());
    m_note->setVisible(showNote);
    m_update->setEnabled(valid);
    m_edit->setEnabled(valid);
    m_remove->setEnabled(valid);
}

void SceneDock::editScene(int index)
{
    const auto &scenes = m_controller->lesson().scenes;
    if (index < 0 || index >= static_cast<int>(scenes.size()))
        return;
    const Scene &s = scenes[static_cast<std::size_t>(index)];
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Edit scene %1").arg(index + 1));
    auto *form = new QFormLayout(&dialog);
    auto *title = new QLineEdit(QString::fromStdString(s.title));
    title->setObjectName(QStringLiteral("sceneTitleEdit"));
    auto *question = new QPlainTextEdit(QString::fromStdString(s.question));
    question->setObjectName(QStringLiteral("sceneQuestionEdit"));
    question->setPlaceholderText(tr("e.g. What does naive softmax give for [1000, 2000, 3000] in float32?"));
    auto *note = new QPlainTextEdit(QString::fromStdString(s.note));
    note->setObjectName(QStringLiteral("sceneNoteEdit"));
    auto *hideResults = new QCheckBox(tr("Hide the results until revealed"));
    hideResults->setObjectName(QStringLiteral("hideResults"));
    auto *hidePlots = new QCheckBox(tr("Hide the plots until revealed"));
    hidePlots->setObjectName(QStringLiteral("hidePlots"));
    const auto hides = [&](HiddenPart p) { return std::find(s.hidden.begin(), s.hidden.end(), p) != s.hidden.end(); };
    hideResults->setChecked(hides(HiddenPart::Results));
    hidePlots->setChecked(hides(HiddenPart::Plots));
    form->addRow(tr("Title"), title);
    form->addRow(tr("Question for the class"), question);
    form->addRow(QString(), hideResults);
    form->addRow(QString(), hidePlots);
    form->addRow(tr("Note for the teacher"), note);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(box);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Scene texts;
    texts.title = title->text().toStdString();
    texts.question = question->toPlainText().toStdString();
    texts.note = note->toPlainText().toStdString();
    if (hideResults->isChecked())
        texts.hidden.push_back(HiddenPart::Results);
    if (hidePlots->isChecked())
        texts.hidden.push_back(HiddenPart::Plots);
    m_controller->editScene(index, texts);
}

void SceneDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange) // zoom: the question stays a quarter larger than the rest
        applyFonts();
    QDockWidget::changeEvent(event);
}

void SceneDock::retranslate()
{
    setWindowTitle(tr("Lesson"));
    m_empty->setText(tr("No lesson open. The course's lessons (also in Help > Lessons):"));
    m_hint->setText(tr("Or File > Open lesson, or Ctrl+M to add what is on screen as a scene."));
    m_reveal->setText(tr("Reveal (Space)"));
    m_add->setText(tr("Add (Ctrl+M)"));
    m_add->setToolTip(tr("Add what is on screen as a new scene after this one"));
    m_update->setText(tr("Update"));
    m_update->setToolTip(tr("Replace this scene's inputs with what is on screen"));
    m_edit->setText(tr("Edit…"));
    m_edit->setToolTip(tr("Title, question, hidden parts and note"));
    m_remove->setText(tr("Remove"));
}

} // namespace logitlab::ui

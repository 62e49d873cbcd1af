// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lessoncontroller.h"

#include "lesson/lessonfile.h"
#include "lesson/lessontext.h"
#include "lesson/revealcover.h"
#include "mainwindow.h"
#include "pages/lossespage.h"
#include "pages/roundingpage.h"
#include "pages/softmaxpage.h"
#include "plots/plotpanel.h"
#include "training/trainingpage.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QTextEdit>

namespace logitlab::ui {
namespace {

/** The error of a lesson file of \a bytes bytes, past LessonLimits::maxFileBytes. */
LessonError tooLarge(std::size_t bytes)
{
    LessonError e;
    e.kind = LessonErrorKind::TooLarge;
    e.detail = std::to_string(bytes);
    e.expected = std::to_string(LessonLimits::maxFileBytes);
    return e;
}

} // namespace

LessonController::LessonController(MainWindow *window)
    : QObject(window), m_window(window), m_covers(new RevealCovers(this))
{
    qApp->installEventFilter(this);
}

LessonController::~LessonController()
{
    qApp->removeEventFilter(this);
}

bool LessonController::hasHidden() const
{
    return !m_revealed && m_covers->active();
}

bool LessonController::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists()) {
        *error = tr("%1 does not exist.").arg(name);
        return false;
    }
    if (!info.isFile()) {
        *error = tr("%1 is not a file.").arg(name);
        return false;
    }
    // Checked before reading: a 2 GB file is refused without reading it.
    if (info.size() > static_cast<qint64>(LessonLimits::maxFileBytes)) {
        *error = tr("%1: %2").arg(name, lessonErrorMessage(tooLarge(static_cast<std::size_t>(info.size()))));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(name, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    auto result = readLesson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (const auto *e = std::get_if<LessonError>(&result)) {
        *error = tr("%1: %2").arg(name, lessonErrorMessage(*e));
        return false;
    }
    m_lesson = std::move(std::get<Lesson>(result));
    m_path = info.absoluteFilePath();
    m_current = -1;
    setModified(false);
    Q_EMIT lessonChanged();
    goTo(0);
    return true;
}

bool LessonController::save(const QString &path, QString *error)
{
    const std::string text = writeLesson(m_lesson);
    if (text.size() > LessonLimits::maxFileBytes) { // it could not be opened again
        *error = tr("Not saved: %1").arg(lessonErrorMessage(tooLarge(text.size())));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1 cannot be written: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit()) { // nothing replaced unless every byte is written (full disk, crash)
        *error = tr("%1 cannot be written: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    setModified(false);
    Q_EMIT lessonChanged();
    return true;
}

void LessonController::clear()
{
    m_covers->clear();
    m_lesson = Lesson {};
    m_path.clear();
    m_current = -1;
    m_revealed = true;
    setModified(false);
    Q_EMIT lessonChanged();
    Q_EMIT sceneShown(-1);
}

Scene LessonController::capture(const QString &title) const
{
    Scene s;
    s.title = title.toStdString();
    s.page = static_cast<LessonPage>(m_window->page());
    s.softmax = m_window->softmaxPage()->lab();
    s.losses = m_window->lossesPage()->lab();
    s.rounding = m_window->roundingPage()->lab();
    s.training = m_window->trainingPage()->lab();
    s.trainedSteps = m_window->trainingPage()->trainedSteps();
    return s;
}

void LessonController::addCurrentState()
{
    if (m_lesson.scenes.size() >= LessonLimits::maxScenes)
        return;
    const int at = m_current + 1;
    const QString title = tr("Scene %1: %2").arg(at + 1).arg(lessonPageText(static_cast<LessonPage>(m_window->page())));
    m_lesson.scenes.insert(m_lesson.scenes.begin() + at, capture(title));
    m_current = at;
    m_revealed = true;
    m_covers->clear();
    setModified(true);
    Q_EMIT lessonChanged();
    Q_EMIT sceneShown(m_current);
}

void LessonController::updateCurrentScene()
{
    if (m_current < 0)
        return;
    Scene &s = m_lesson.scenes[static_cast<std::size_t>(m_current)];
    Scene now = capture(QString::fromStdString(s.title));
    now.note = s.note;
    now.question = s.question;
    now.hidden = s.hidden;
    now.sourceJson = s.sourceJson;
    s = std::move(now);
    setModified(true);
    Q_EMIT lessonChanged();
}

void LessonController::removeScene(int index)
{
    if (index < 0 || index >= static_cast<int>(m_lesson.scenes.size()))
        return;
    const bool wasCurrent = index == m_current;
    m_lesson.scenes.erase(m_lesson.scenes.begin() + index);
    if (m_current >= static_cast<int>(m_lesson.scenes.size()))
        m_current = static_cast<int>(m_lesson.scenes.size()) - 1;
    if (index <= m_current && m_current > 0 && index != m_current)
        --m_current;
    m_covers->clear();
    m_revealed = true;
    setModified(true);
    Q_EMIT lessonChanged();
    // The scene that takes the removed one's place is shown: the list selects it, and Update must
    // not write the removed scene's values into it.
    if (wasCurrent && m_current >= 0)
        goTo(m_current);
    else
        Q_EMIT sceneShown(m_current);
}

void LessonController::editScene(int index, const Scene &texts)
{
    if (index < 0 || index >= static_cast<int>(m_lesson.scenes.size()))
        return;
    Scene &s = m_lesson.scenes[static_cast<std::size_t>(index)];
    s.title = texts.title;
    s.question = texts.question;
    s.note = texts.note;
    s.hidden = texts.hidden;
    setModified(true);
    Q_EMIT lessonChanged();
    if (index == m_current)
        Q_EMIT sceneShown(m_current);
}

void LessonController::goTo(int index)
{
    if (index < 0 || index >= static_cast<int>(m_lesson.scenes.size()))
        return;
    const Scene &s = m_lesson.scenes[static_cast<std::size_t>(index)];
    m_covers->clear();
    // A lab already on screen is left alone: setLab() restarts its sweeps and evaluations (the
    // BCE sweep alone is 2,001 MPFR points), and most scenes change one page only.
    const auto show = [](auto *page, const auto &lab) {
        if (!(page->lab() == lab))
            page->setLab(lab);
    };
    show(m_window->softmaxPage(), s.softmax);
    show(m_window->lossesPage(), s.losses);
    show(m_window->roundingPage(), s.rounding);
    TrainingPage *training = m_window->trainingPage();
    // Training restarts only when the scene's differs from what is on screen (it replays steps).
    if (!(training->lab() == s.training) || training->trainedSteps() != s.trainedSteps
        || s.page == LessonPage::Training)
        training->setLab(s.training, s.trainedSteps);
    m_window->setPage(static_cast<int>(s.page));
    m_window->showFormatOf(m_window->currentPage());
    m_current = index;
    m_revealed = s.question.empty() || s.hidden.empty();
    coverHidden();
    Q_EMIT sceneShown(index);
}

void LessonController::next()
{
    goTo(m_current + 1);
}

void LessonController::previous()
{
    goTo(m_current - 1);
}

void LessonController::reveal()
{
    m_revealed = true;
    m_covers->clear();
    Q_EMIT sceneShown(m_current);
}

void LessonController::coverHidden()
{
    if (m_revealed || m_current < 0)
        return;
    const Scene &s = m_lesson.scenes[static_cast<std::size_t>(m_current)];
    LabPage *page = m_window->currentPage();
    QList<QWidget *> widgets;
    for (HiddenPart part : s.hidden) {
        if (part == HiddenPart::Results)
            widgets += page->resultViews();
        else
            for (PlotPanel *p : page->plots())
                widgets.append(p);
    }
    m_covers->cover(widgets,
        tr("%1\n\nMake your prediction, then press Space to reveal.").arg(QString::fromStdString(s.question)),
        tr("Hidden until revealed (Space)"));
}

void LessonController::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

bool LessonController::typingTarget() const
{
    QWidget *w = QApplication::focusWidget();
    if (!w)
        return false;
    if (auto *line = qobject_cast<QLineEdit *>(w))
        return !line->isReadOnly();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
        return !plain->isReadOnly();
    if (auto *text = qobject_cast<QTextEdit *>(w))
        return !text->isReadOnly();
    if (auto *box = qobject_cast<QComboBox *>(w))
        return box->isEditable();
    return qobject_cast<QAbstractSpinBox *>(w) != nullptr;
}

bool LessonController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return QObject::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() != Qt::NoModifier || QApplication::activeWindow() != m_window || m_lesson.scenes.empty())
        return QObject::eventFilter(watched, event);
    const bool pageKey = key->key() == Qt::Key_PageDown || key->key() == Qt::Key_PageUp;
    const bool revealKey = key->key() == Qt::Key_Space && hasHidden() && !typingTarget();
    if (!pageKey && !revealKey)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept(); // ours, not a shortcut's (the Training page binds Space to play)
        return true;
    }
    if (revealKey)
        reveal();
    else if (key->key() == Qt::Key_PageDown)
        next();
    else
        previous();
    return true;
}

} // namespace logitlab::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Training lab's settings panel: preset (with its explanation), data set and task, network,
 * initialisation and seed, and for run A and the twin run B the head, format, optimiser,
 * learning rate and L2. Emits setupChanged() on every edit; setup() reads the whole form.
 */
#include "training/trainingtypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace logitlab {
struct Preset;
}

namespace logitlab::ui {

/** \brief The form that defines a training session. */
class TrainingControls : public QWidget {
    Q_OBJECT
public:
    explicit TrainingControls(QWidget *parent = nullptr);

    /** The session the form describes. */
    TrainingLab setup() const;
    /** Fills the form from the preset called \a name ("" = leave as is). */
    void applyPreset(const QString &name);
    /** Shows \a lab in the form (as a lesson file will), as custom settings; setup() then returns it. */
    void setLab(const TrainingLab &lab);
    QString presetName() const;
    QComboBox *presetBox() const { return m_preset; }
    QString explanation() const;

    void saveSettings() const;
    void restoreSettings();

Q_SIGNALS:
    void setupChanged();

private:
    /** Puts every field of \a lab into its widget (no signals, no preset change). */
    void fillForm(const TrainingLab &lab);
    struct RunWidgets {
        QGroupBox *group = nullptr;
        QComboBox *head = nullptr, *format = nullptr, *optimizer = nullptr;
        QDoubleSpinBox *lr = nullptr, *l2 = nullptr;
        QToolButton *mixed = nullptr; ///< the mixed-precision options, in a menu
        MixedPrecision mixedValue; ///< what that menu shows
    };
    void buildRun(int run, const QString &title);
    void showMixed(int run);
    void updateVisibility();
    void changed();

    bool m_loading = false;
    TrainingLab m_base; ///< the lab last set or preset: the fields the form does not show come from it
    QComboBox *m_preset = nullptr;
    QLabel *m_explanation = nullptr;
    QComboBox *m_dataset = nullptr;
    QLineEdit *m_idxPath = nullptr;
    QWidget *m_idxRow = nullptr;
    QDoubleSpinBox *m_noise = nullptr;
    QComboBox *m_task = nullptr;
    QSpinBox *m_digitA = nullptr, *m_digitB = nullptr;
    QLineEdit *m_layers = nullptr;
    QComboBox *m_activation = nullptr, *m_init = nullptr;
    QDoubleSpinBox *m_initScale = nullptr, *m_decay = nullptr;
    QSpinBox *m_decayEvery = nullptr, *m_seed = nullptr, *m_batch = nullptr;
    QCheckBox *m_twin = nullptr;
    RunWidgets m_runs[2];
};

} // namespace logitlab::ui

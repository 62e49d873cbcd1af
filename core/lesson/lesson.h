// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A lesson: an ordered list of scenes, each the page on screen and every lab's value, so that
 * a scene reopens exactly as it was saved; optionally a question whose answer (chosen results)
 * stays hidden until it is revealed. Read and written as a `.logitlab` file by lessonfile.h.
 */
#include "lab/losslab.h"
#include "lab/roundinglab.h"
#include "lab/softmaxlab.h"
#include "lab/traininglab.h"

#include <cstddef>
#include <string>
#include <vector>

namespace logitlab {

/** \brief The page a scene shows. */
enum class LessonPage { Softmax, Losses, Rounding, Training };

/** \brief What a scene with a question hides until it is revealed. */
enum class HiddenPart {
    Results, ///< the numbers: result tables, the rounding tables, the training readouts
    Plots ///< the plots
};

/** \brief One step of a lesson: what the screen shows, and what the teacher says about it. */
struct Scene {
    std::string title;
    std::string note; ///< a short note for the teacher (not shown to the class)
    std::string question; ///< asked before the hidden parts are revealed; empty: nothing to predict
    std::vector<HiddenPart> hidden; ///< hidden until revealed (only with a question)
    LessonPage page = LessonPage::Softmax;
    SoftmaxLab softmax;
    LossLab losses;
    RoundingLab rounding;
    TrainingLab training;
    /**
     * The trained state: the number of lockstep steps the training session had taken. Training
     * is deterministic (same weights, same batches, bit for bit), so opening the scene replays
     * these steps and reaches the same weights, history and curves without storing them.
     */
    long long trainedSteps = 0;
    /** The scene's JSON object as read (empty for a new scene): fields this version does not
     *  know are written back unchanged on save. Not part of the scene's value (operator==). */
    std::string sourceJson;

    bool operator==(const Scene &o) const;
};

/** \brief A whole lesson file. */
struct Lesson {
    std::string title;
    std::string language; ///< a BCP 47 tag such as "en" or "zh-CN"; empty if not stated
    std::vector<Scene> scenes;
    std::string sourceJson; ///< the top-level object as read; unknown fields are kept (see Scene)

    bool operator==(const Lesson &o) const { return title == o.title && language == o.language && scenes == o.scenes; }
};

/** \brief The file format's identity and limits (all checked before anything is used). */
struct LessonLimits {
    static constexpr const char *formatTag = "logitlab-lesson"; ///< the "format" field
    static constexpr int major = 1; ///< "version": "1.0"; a newer major is refused, a newer minor read
    static constexpr int minor = 0;
    static constexpr std::size_t maxFileBytes = 16u << 20; ///< 16 MiB: far beyond any real lesson
    static constexpr int maxDepth
        = 32; ///< nesting of objects and lists (the schema needs 6: down to a run's optimiser)
    static constexpr std::size_t maxScenes = 500;
    static constexpr std::size_t maxTextBytes = 1u << 20; ///< one text field (a LIST of ~100,000 logits)
    static constexpr std::size_t maxExpressions = 100; ///< Rounding expressions per scene
    static constexpr std::size_t maxHiddenLayers = 16;
    static constexpr long long maxTrainedSteps = 1000000; ///< replayed when the scene opens
};

inline bool Scene::operator==(const Scene &o) const
{
    return title == o.title && note == o.note && question == o.question && hidden == o.hidden && page == o.page
        && softmax == o.softmax && losses == o.losses && rounding == o.rounding && training == o.training
        && trainedSteps == o.trainedSteps;
}

} // namespace logitlab

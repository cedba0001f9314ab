// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner.h"

#include "config/configloader.h"
#include "git/gitcontext.h"
#include "signatureinputbuilder.h"

namespace Stagecraft::Model {

Plan planProject(const LoadedProject &project, const PlanOptions &options)
{
    return planProjectWithBasis(project, options).plan;
}

PlanBasis planProjectWithBasis(const LoadedProject &project, const PlanOptions &options)
{
    SignatureInput input = signatureInputFromProject(project, options.baseImageOnBuild);
    if (options.assumeNoOnBuild) {
        QHash<QString, QStringList> onBuild = options.baseImageOnBuild;
        bool added = false;
        for (const SignatureInput::Image &image : input.images) {
            for (const QString &base : image.dockerfile.externalBases) {
                if (!onBuild.contains(base)) {
                    onBuild.insert(base, {});
                    added = true;
                }
            }
        }
        if (added)
            input = signatureInputFromProject(project, onBuild);
    }
    GitContext git;
    bool needsGit = false;
    for (const SignatureInput::Image &image : input.images) {
        for (const GitMappingParams &m : image.git)
            needsGit = needsGit || m.isLocal();
    }
    // Only look for a repository when a local mapping needs one (werf does the same).
    if (needsGit && !project.projectDir.isEmpty()) {
        const GitRepository repository(project.projectDir);
        if (repository.isValid())
            git.setProjectRepository(project.projectDir);
    }
    for (auto it = options.remoteClones.cbegin(); it != options.remoteClones.cend(); ++it)
        git.setRemoteRepository(it.key(), it.value());

    SignatureCalculator calculator(input, git);
    calculator.setBaseImageDigests(options.baseImageDigests);
    if (options.lookup)
        calculator.setStageLookup(options.lookup);
    if (options.previous) {
        const bool sameLookup = !options.lookupIdentity.isEmpty()
                                && options.previous->lookupIdentity == options.lookupIdentity;
        calculator.setPrevious(options.previous->input, options.previous->plan, sameLookup);
    }
    PlanBasis basis;
    basis.plan = calculator.calculate();
    basis.computedImages = calculator.computedImageCount();
    basis.lookupIdentity = options.lookup ? options.lookupIdentity : QString();
    Plan &plan = basis.plan;
    for (const ImagePlan &image : plan.images) {
        for (const StagePlan &stage : image.stages) {
            for (const QString &warning : stage.warnings)
                plan.diagnostics.append(Diagnostic::warning(warning, image.location));
        }
    }
    basis.input = std::move(input);
    return basis;
}

} // namespace Stagecraft::Model

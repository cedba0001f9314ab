// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancontroller.h"

#include "config/configloader.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Stagecraft::Ui {

namespace {

/**
 * A plan as a baseline: the cache states of a what-if plan only mean "as in the previous
 * baseline" and would confuse the next comparison (PlanDiff reads them for git history).
 */
std::shared_ptr<const Model::Plan> asBaseline(Model::Plan plan)
{
    for (Model::ImagePlan &image : plan.images) {
        for (Model::StagePlan &stage : image.stages)
            stage.cache = Model::CacheStatus::Unknown;
    }
    return std::make_shared<const Model::Plan>(std::move(plan));
}

Model::WhatIf unchanged(const Model::Plan &plan, const QString &configFile)
{
    Model::WhatIf result = Model::whatIf(plan, plan);
    result.baselineFile = configFile;
    result.currentFile = configFile;
    return result;
}

} // namespace

PlanController::PlanController(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &PlanController::handleFinished);
}

PlanController::~PlanController()
{
    // The worker holds only copies, but an application that quits must not leave it running.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void PlanController::setProject(const QString &configFile, const QByteArray &text)
{
    const bool wasBusy = isBusy();
    if (configFile != m_baselineFile) {
        const bool hadResult = m_hasResult;
        m_baseline.reset();
        baselineChanged();
        m_baselineFile = configFile;
        m_baselineFromNext = false;
        m_hasResult = false;
        m_result = {};
        m_lastError.clear();
        if (hadResult)
            emit planFinished(); // the views drop the previous project's what-if
    }
    const Request request{configFile, text, ++m_generation};
    if (m_running) {
        m_pending = request; // replaces an older waiting request: only the latest text matters
    } else {
        start(request);
    }
    if (!wasBusy)
        emit busyChanged(true);
}

void PlanController::setBaselineFromCurrent()
{
    if (isBusy()) {
        m_baselineFromNext = true;
        return;
    }
    if (!m_hasResult)
        return;
    m_baseline = asBaseline(m_result.current);
    baselineChanged();
    m_result = unchanged(*m_baseline, m_baselineFile);
    emit planFinished();
}

void PlanController::resetBaseline()
{
    m_baseline.reset();
    baselineChanged();
}

void PlanController::baselineChanged()
{
    ++m_baselineId;
    m_basis.reset();
}

void PlanController::start(const Request &request)
{
    m_running = true;
    const std::shared_ptr<const Model::Plan> baseline = m_baseline;
    const std::shared_ptr<const Model::PlanBasis> basis = m_basis;
    const QString identity = QStringLiteral("baseline:%1").arg(m_baselineId);
    m_watcher.setFuture(QtConcurrent::run([request, baseline, basis, identity]() {
        QElapsedTimer timer;
        timer.start();
        Outcome outcome;
        outcome.generation = request.generation;
        outcome.configFile = request.configFile;
        const Model::LoadedProject project = Model::loadText(request.configFile, request.text);
        if (!project.ok()) {
            // Nothing sensible to compare: keep the last what-if until the config loads again.
            const Model::Diagnostics &d = project.diagnostics;
            for (const Model::Diagnostic &diagnostic : d) {
                if (diagnostic.severity == Model::Severity::Error) {
                    outcome.error = diagnostic.toString();
                    break;
                }
            }
        } else if (!baseline) {
            const Model::PlanBasis first = Model::planProjectWithBasis(project);
            outcome.computedImages = first.computedImages;
            outcome.whatIf = unchanged(first.plan, request.configFile);
            outcome.newBaseline = true;
        } else {
            Model::PlanOptions options;
            options.lookupIdentity = identity;
            options.previous = basis;
            auto next = std::make_shared<Model::PlanBasis>(
                    Model::planAgainstWithBasis(project, *baseline, options));
            outcome.computedImages = next->computedImages;
            // The plan is implicitly shared between the what-if and the basis.
            outcome.whatIf = Model::whatIf(*baseline, next->plan);
            outcome.whatIf.currentFile = request.configFile;
            outcome.basis = std::move(next);
        }
        outcome.ms = timer.elapsed();
        return outcome;
    }));
}

void PlanController::handleFinished()
{
    Outcome outcome = m_watcher.result();
    m_running = false;
    const bool sameFile = outcome.configFile == m_baselineFile;
    // An overtaken first plan still is the project as first loaded: keep it as the baseline.
    if (outcome.newBaseline && sameFile && !m_baseline) {
        m_baseline = asBaseline(outcome.whatIf.current);
        baselineChanged();
    }
    // Any finished plan against the current baseline is a valid start for the next one.
    if (outcome.basis && sameFile
        && outcome.basis->lookupIdentity == QStringLiteral("baseline:%1").arg(m_baselineId))
        m_basis = outcome.basis;
    if (outcome.generation == m_generation) {
        m_lastMs = outcome.ms;
        m_lastComputed = outcome.computedImages;
        m_lastError = outcome.error;
        if (outcome.error.isEmpty()) {
            if (m_baselineFromNext) {
                m_baselineFromNext = false;
                m_baseline = asBaseline(outcome.whatIf.current);
                baselineChanged();
                m_result = unchanged(*m_baseline, m_baselineFile);
            } else {
                m_result = std::move(outcome.whatIf);
                m_result.baselineFile = m_baselineFile;
            }
            m_hasResult = true;
        }
        emit planFinished();
    }
    if (m_pending) {
        const Request next = *m_pending;
        m_pending.reset();
        start(next);
    } else {
        emit busyChanged(false);
    }
}

} // namespace Stagecraft::Ui

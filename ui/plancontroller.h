// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signature/whatif.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Stagecraft::Ui {

/**
 * Computes the werf 1.1 plan of the project the window shows, off the GUI thread, and compares
 * it with a baseline: the what-if behind the invalidated stages, the Plan panel and "why".
 *
 * The baseline is the first plan of a config file (the project as first loaded); after that
 * every setProject() (a reload, later each edit) is planned as if the baseline had been built
 * (whatIf()). Only one plan runs at a time: a request that arrives meanwhile waits, later ones
 * replace it, and the result of a plan that a newer request has overtaken is dropped.
 *
 * Each plan against a baseline starts from the previous one against the same baseline
 * (Model::planAgainstWithBasis): only the images whose inputs or dependencies changed are
 * recomputed.
 */
class PlanController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanController)

public:
    explicit PlanController(QObject *parent = nullptr);
    ~PlanController() override;

    /**
     * Plans a project text (the werf.yaml as on disk or in the editor). A different config file
     * than the baseline's starts over: its first plan becomes the baseline.
     */
    void setProject(const QString &configFile, const QByteArray &text);

    /** The latest finished what-if (baseline, current plan, every stage's change). */
    const Model::WhatIf &result() const { return m_result; }
    bool hasResult() const { return m_hasResult; }
    /** A plan is running or waiting. */
    bool isBusy() const { return m_running || m_pending.has_value(); }
    /** Wall time of the last finished plan in the worker (load + plans + comparison). */
    qint64 lastPlanMilliseconds() const { return m_lastMs; }
    /** How many images the last finished plan computed (the others were taken over). */
    int lastComputedImageCount() const { return m_lastComputed; }
    /** The first error when the last text did not load (the previous result stays), else "". */
    QString lastError() const { return m_lastError; }
    /** The config file the baseline belongs to. */
    QString baselineFile() const { return m_baselineFile; }

public slots:
    /**
     * Takes the current project as the new baseline: the editor calls this when the file is
     * saved. When a plan is still running, the plan of the latest text becomes the baseline.
     */
    void setBaselineFromCurrent();
    /** Forgets the baseline: the next plan becomes it. */
    void resetBaseline();

signals:
    /** result() has changed (or is gone: another config file was set, hasResult() is false). */
    void planFinished();
    void busyChanged(bool busy);

private:
    struct Request
    {
        QString configFile;
        QByteArray text;
        quint64 generation = 0;
    };
    struct Outcome
    {
        Model::WhatIf whatIf;
        quint64 generation = 0;
        QString configFile;
        QString error; ///< the first error of a config that does not load
        bool newBaseline = false;
        qint64 ms = 0;
        /** What the next plan against the same baseline starts from. */
        std::shared_ptr<const Model::PlanBasis> basis;
        int computedImages = 0;
    };
    /** A new baseline: plans against the old one are no starting point for the next. */
    void baselineChanged();
    void start(const Request &request);
    void handleFinished();

    QFutureWatcher<Outcome> m_watcher;
    std::optional<Request> m_pending;
    bool m_running = false;
    quint64 m_generation = 0;
    QString m_baselineFile;
    /** Shared with the worker, which only reads it. */
    std::shared_ptr<const Model::Plan> m_baseline;
    /** Counts baselines: the lookup identity of plans against the current one. */
    quint64 m_baselineId = 0;
    std::shared_ptr<const Model::PlanBasis> m_basis;
    bool m_baselineFromNext = false;
    Model::WhatIf m_result;
    bool m_hasResult = false;
    qint64 m_lastMs = 0;
    int m_lastComputed = 0;
    QString m_lastError;
};

} // namespace Stagecraft::Ui

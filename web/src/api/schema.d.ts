/** Generated from openapi.json by web/scripts/export-openapi.mjs; do not edit. */
export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/pilots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PilotsController_list"];
        put?: never;
        post: operations["PilotsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pilots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PilotsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["PilotsController_update"];
        trace?: never;
    };
    "/api/v1/pilots/{pilotId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TasksController_list"];
        put?: never;
        post: operations["TasksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TasksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["TasksController_update"];
        trace?: never;
    };
    "/api/v1/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PeriodsController_list"];
        put?: never;
        post: operations["PeriodsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PeriodsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["PeriodsController_update"];
        trace?: never;
    };
    "/api/v1/periods/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PeriodsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PeriodsController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pilots/{pilotId}/periods/{periodId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_getByPilotPeriod"];
        put: operations["ReportsController_saveDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReportsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReportsController_returnToPilot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReportsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/experiences/{experienceId}/recommend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReportsController_recommend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgressController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OverdueController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_runReminders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SummariesController_list"];
        put?: never;
        post: operations["SummariesController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/summaries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SummariesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/summaries/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SummariesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/tasks/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_taskTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/pilots/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_pilotTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportsController_importTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/pilots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportsController_importPilots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_tasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AttachmentsController_list"];
        put?: never;
        post: operations["AttachmentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AttachmentsController_download"];
        put?: never;
        post?: never;
        delete: operations["AttachmentsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["QueuesSessionController_open"];
        delete: operations["QueuesSessionController_close"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEventView: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            /**
             * Format: uuid
             * @description Null for the system itself (bootstrap, seed, schedulers)
             */
            actorId: string | null;
            /** @example report.submit */
            action: string;
            /** @example report */
            entityType: string;
            /** Format: uuid */
            entityId: string | null;
            ip: string | null;
            details: {
                [key: string]: unknown;
            };
        };
        LoginDto: {
            /** @example admin@example.cn */
            email: string;
            password: string;
        };
        SessionUser: {
            /** Format: uuid */
            id: string;
            email: string;
            /** @enum {string} */
            role: "admin" | "reviewer" | "pilot";
            /** Format: uuid */
            pilotId: string | null;
            province: string | null;
            displayName: string | null;
        };
        LoginResponse: {
            /** @description Send as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /** @description Lifetime of the token in seconds */
            expiresIn: number;
            user: components["schemas"]["SessionUser"];
        };
        CreateUserDto: {
            /** @example reviewer@hebei.example.cn */
            email: string;
            /** @description At least 10 characters, not the email address */
            password: string;
            /** @enum {string} */
            role: "admin" | "reviewer" | "pilot";
            /**
             * Format: uuid
             * @description Required for, and only for, role pilot
             */
            pilotId?: string;
            /** @description A reviewer's scope: a province's Chinese or English name */
            province?: string;
            displayName?: string;
            /**
             * @description Language of email notices
             * @default zh
             * @enum {string}
             */
            language?: "zh" | "en";
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            email: string;
            /** @enum {string} */
            role: "admin" | "reviewer" | "pilot";
            /** Format: uuid */
            pilotId: string | null;
            province: string | null;
            displayName: string | null;
            /** @enum {string} */
            language: "zh" | "en";
            active: boolean;
            createdAt: string;
            updatedAt: string;
        };
        UpdateUserDto: {
            /** @description false deactivates: the user cannot log in and its tokens stop working */
            active?: boolean;
            /** @enum {string} */
            role?: "admin" | "reviewer" | "pilot";
            /** Format: uuid */
            pilotId?: string | null;
            province?: string | null;
            displayName?: string | null;
            password?: string;
            /** @enum {string} */
            language?: "zh" | "en";
        };
        PilotResponse: {
            /** Format: uuid */
            id: string;
            code: string;
            /** @enum {string} */
            kind: "city" | "park";
            nameZh: string;
            nameEn: string;
            provinceZh: string;
            provinceEn: string;
            batch: number;
            createdAt: string;
            updatedAt: string;
        };
        CreatePilotDto: {
            /**
             * @description Unique slug: letters, digits, "-" and "_"
             * @example zhangjiakou
             */
            code: string;
            /** @enum {string} */
            kind: "city" | "park";
            /** @example 张家口市 */
            nameZh: string;
            /** @example Zhangjiakou */
            nameEn: string;
            /** @example 河北省 */
            provinceZh: string;
            /** @example Hebei */
            provinceEn: string;
            /** @default 1 */
            batch?: number;
        };
        UpdatePilotDto: {
            /**
             * @description Unique slug: letters, digits, "-" and "_"
             * @example zhangjiakou
             */
            code?: string;
            /** @enum {string} */
            kind?: "city" | "park";
            /** @example 张家口市 */
            nameZh?: string;
            /** @example Zhangjiakou */
            nameEn?: string;
            /** @example 河北省 */
            provinceZh?: string;
            /** @example Hebei */
            provinceEn?: string;
            /** @default 1 */
            batch?: number;
        };
        MilestoneInput: {
            /** @example 完成选址 site survey */
            title: string;
            /**
             * Format: date
             * @example 2024-06-30
             */
            dueDate: string;
        };
        IndicatorInput: {
            /** @example 非化石能源消费比重 non-fossil energy share */
            name: string;
            /** @example % */
            unit: string;
            /** @example 10 */
            baseline: number;
            /** @example 2020 */
            baselineYear?: number;
            /** @example 20 */
            target: number;
            /** @example 2030 */
            targetYear: number;
            /** @enum {string} */
            direction: "increase" | "decrease";
        };
        CreateTaskDto: {
            /**
             * @description Unique within the pilot
             * @example T01
             */
            code: string;
            /** @example 屋顶分布式光伏 rooftop PV */
            title: string;
            /** @enum {string} */
            category: "energy" | "industry" | "buildings" | "transport" | "circular_economy" | "water" | "carbon_sink" | "innovation" | "policy" | "public_action" | "planning";
            description?: string;
            /** @description 牵头单位, the lead unit */
            leadUnit?: string;
            /** Format: date */
            startDate?: string;
            /** Format: date */
            dueDate: string;
            milestones?: components["schemas"]["MilestoneInput"][];
            indicators?: components["schemas"]["IndicatorInput"][];
        };
        MilestoneResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            /** Format: date */
            dueDate: string;
        };
        IndicatorResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            unit: string;
            baseline: number;
            baselineYear: number | null;
            target: number;
            targetYear: number;
            /** @enum {string} */
            direction: "increase" | "decrease";
        };
        TaskResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            pilotId: string;
            code: string;
            title: string;
            /** @enum {string} */
            category: "energy" | "industry" | "buildings" | "transport" | "circular_economy" | "water" | "carbon_sink" | "innovation" | "policy" | "public_action" | "planning";
            description: string | null;
            leadUnit: string | null;
            /** Format: date */
            startDate: string | null;
            /** Format: date */
            dueDate: string;
            milestones: components["schemas"]["MilestoneResponse"][];
            indicators: components["schemas"]["IndicatorResponse"][];
            createdAt: string;
            updatedAt: string;
        };
        MilestoneUpdateInput: {
            /** @example 完成选址 site survey */
            title: string;
            /**
             * Format: date
             * @example 2024-06-30
             */
            dueDate: string;
            /** Format: uuid */
            id?: string;
        };
        IndicatorUpdateInput: {
            /** @example 非化石能源消费比重 non-fossil energy share */
            name: string;
            /** @example % */
            unit: string;
            /** @example 10 */
            baseline: number;
            /** @example 2020 */
            baselineYear?: number;
            /** @example 20 */
            target: number;
            /** @example 2030 */
            targetYear: number;
            /** @enum {string} */
            direction: "increase" | "decrease";
            /** Format: uuid */
            id?: string;
        };
        UpdateTaskDto: {
            code?: string;
            title?: string;
            /** @enum {string} */
            category?: "energy" | "industry" | "buildings" | "transport" | "circular_economy" | "water" | "carbon_sink" | "innovation" | "policy" | "public_action" | "planning";
            description?: string | null;
            leadUnit?: string | null;
            /** Format: date */
            startDate?: string | null;
            /** Format: date */
            dueDate?: string;
            /** @description When given, the task has exactly these milestones: with `id` updated, without created, the rest removed */
            milestones?: components["schemas"]["MilestoneUpdateInput"][];
            /** @description When given, the task has exactly these indicators: with `id` updated, without created, the rest removed */
            indicators?: components["schemas"]["IndicatorUpdateInput"][];
        };
        CreatePeriodDto: {
            /**
             * @description Unique
             * @example 2024-Q3
             */
            label: string;
            /**
             * Format: date
             * @example 2024-07-01
             */
            startDate: string;
            /**
             * Format: date
             * @example 2024-09-30
             */
            endDate: string;
            /**
             * Format: date
             * @description Submission deadline; on or after endDate
             * @example 2024-10-15
             */
            dueDate: string;
        };
        PeriodResponse: {
            /** Format: uuid */
            id: string;
            label: string;
            /** Format: date */
            startDate: string;
            /** Format: date */
            endDate: string;
            /** Format: date */
            dueDate: string;
            closed: boolean;
            createdAt: string;
            updatedAt: string;
        };
        UpdatePeriodDto: {
            label?: string;
            /** Format: date */
            startDate?: string;
            /** Format: date */
            endDate?: string;
            /** Format: date */
            dueDate?: string;
        };
        CompletedMilestoneInput: {
            /** Format: uuid */
            milestoneId: string;
            /**
             * Format: date
             * @example 2024-03-20
             */
            completedOn: string;
        };
        TaskProgressInput: {
            /** Format: uuid */
            taskId: string;
            /** @enum {string} */
            status: "not_started" | "on_track" | "at_risk" | "delayed" | "completed";
            /** @example 40 */
            percentComplete: number;
            narrative?: string;
            completedMilestones?: components["schemas"]["CompletedMilestoneInput"][];
        };
        IndicatorValueInput: {
            /** Format: uuid */
            indicatorId: string;
            /** @example 12.5 */
            value: number;
            note?: string;
        };
        ExperienceInput: {
            /** @example 光伏整县推进模式 */
            title: string;
            summary: string;
            /** @enum {string} */
            category: "energy" | "industry" | "buildings" | "transport" | "circular_economy" | "water" | "carbon_sink" | "innovation" | "policy" | "public_action" | "planning";
            /**
             * @example [
             *       "pv"
             *     ]
             */
            tags?: string[];
        };
        ReportInput: {
            /** @description Overall narrative of the period */
            summary?: string;
            /** @description One line per task; each task at most once */
            tasks: components["schemas"]["TaskProgressInput"][];
            indicators?: components["schemas"]["IndicatorValueInput"][];
            experiences?: components["schemas"]["ExperienceInput"][];
        };
        CompletedMilestoneView: {
            /** Format: uuid */
            milestoneId: string;
            /** Format: date */
            completedOn: string;
        };
        TaskProgressView: {
            /** Format: uuid */
            taskId: string;
            /** @enum {string} */
            status: "not_started" | "on_track" | "at_risk" | "delayed" | "completed";
            percentComplete: number;
            narrative: string | null;
            completedMilestones: components["schemas"]["CompletedMilestoneView"][];
        };
        IndicatorValueView: {
            /** Format: uuid */
            indicatorId: string;
            value: number;
            note: string | null;
        };
        ExperienceView: {
            /** Format: uuid */
            id: string;
            title: string;
            summary: string;
            /** @enum {string} */
            category: "energy" | "industry" | "buildings" | "transport" | "circular_economy" | "water" | "carbon_sink" | "innovation" | "policy" | "public_action" | "planning";
            tags: string[];
            recommended: boolean;
        };
        AttachmentView: {
            /** Format: uuid */
            id: string;
            /** @description Sanitised; its extension matches the content */
            filename: string;
            /**
             * @description As detected from the bytes
             * @enum {string}
             */
            contentType: "application/pdf" | "image/png" | "image/jpeg" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            bytes: number;
            /** @description Hex SHA-256 of the content */
            sha256: string;
            /** Format: uuid */
            uploadedBy: string;
            createdAt: string;
        };
        ReviewView: {
            /** @enum {string} */
            decision: "returned" | "accepted";
            note: string | null;
            /** Format: uuid */
            reviewerId: string;
            /** @description The revision the decision was made on */
            revision: number;
            at: string;
        };
        ReportView: {
            summary: string | null;
            tasks: components["schemas"]["TaskProgressView"][];
            indicators: components["schemas"]["IndicatorValueView"][];
            experiences: components["schemas"]["ExperienceView"][];
            /** @description The evidence files attached (a revision: those it was submitted with) */
            attachments: components["schemas"]["AttachmentView"][];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            pilotId: string;
            /** Format: uuid */
            periodId: string;
            /** @enum {string} */
            status: "draft" | "submitted" | "returned" | "accepted";
            /** @description How many times the report has been submitted */
            revision: number;
            /** @description Time of the latest submission */
            submittedAt: string | null;
            /** @description Oldest first */
            reviews: components["schemas"]["ReviewView"][];
            createdAt: string;
            updatedAt: string;
        };
        ReportListItem: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            pilotId: string;
            pilotCode: string;
            pilotNameZh: string;
            pilotNameEn: string;
            /** Format: uuid */
            periodId: string;
            periodLabel: string;
            /** @enum {string} */
            status: "draft" | "submitted" | "returned" | "accepted";
            revision: number;
            submittedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        ReportContent: {
            summary: string | null;
            tasks: components["schemas"]["TaskProgressView"][];
            indicators: components["schemas"]["IndicatorValueView"][];
            experiences: components["schemas"]["ExperienceView"][];
            /** @description The evidence files attached (a revision: those it was submitted with) */
            attachments: components["schemas"]["AttachmentView"][];
        };
        RevisionView: {
            revision: number;
            submittedAt: string;
            /** Format: uuid */
            submittedBy: string;
            content: components["schemas"]["ReportContent"];
        };
        ReturnReportDto: {
            /** @description Why the report is returned; shown to the pilot */
            note: string;
        };
        AcceptReportDto: {
            note?: string;
        };
        RecommendExperienceDto: {
            recommended: boolean;
        };
        TasksByStatusView: {
            not_started: number;
            on_track: number;
            at_risk: number;
            delayed: number;
            completed: number;
        };
        MilestoneCountsView: {
            /** @description Milestones of pilots in scope due on or before the period's end */
            due: number;
            /** @description Of those, recorded completed by then in a received report */
            completed: number;
        };
        ProvinceProgressView: {
            /** @description Pilots in scope */
            expected: number;
            /** @description Reports submitted or accepted */
            received: number;
            accepted: number;
            returned: number;
            draft: number;
            /** @description expected − received */
            missing: number;
            /** @description Received with the latest submission on or before the due date */
            onTime: number;
            /** @description received − onTime */
            late: number;
            /** @description received / expected (0..1) */
            completeness: number;
            /** @description onTime / expected (0..1) */
            timeliness: number;
            provinceZh: string;
            provinceEn: string;
        };
        CategoryProgressView: {
            /** @enum {string} */
            category: "energy" | "industry" | "buildings" | "transport" | "circular_economy" | "water" | "carbon_sink" | "innovation" | "policy" | "public_action" | "planning";
            /** @description Task lines of received reports */
            tasks: number;
            completed: number;
            tasksByStatus: components["schemas"]["TasksByStatusView"];
            avgPercentComplete: number | null;
            milestonesDue: number;
            milestonesCompleted: number;
        };
        PilotProgressView: {
            /** Format: uuid */
            pilotId: string;
            /** @enum {string} */
            reportStatus: "none" | "draft" | "submitted" | "returned" | "accepted";
            submittedAt: string | null;
            onTime: boolean;
            tasksTotal: number;
            tasksCompleted: number;
            avgPercentComplete: number | null;
        };
        PeriodProgressView: {
            /** @description Pilots in scope */
            expected: number;
            /** @description Reports submitted or accepted */
            received: number;
            accepted: number;
            returned: number;
            draft: number;
            /** @description expected − received */
            missing: number;
            /** @description Received with the latest submission on or before the due date */
            onTime: number;
            /** @description received − onTime */
            late: number;
            /** @description received / expected (0..1) */
            completeness: number;
            /** @description onTime / expected (0..1) */
            timeliness: number;
            /** Format: uuid */
            periodId: string;
            tasksByStatus: components["schemas"]["TasksByStatusView"];
            milestones: components["schemas"]["MilestoneCountsView"];
            byProvince: components["schemas"]["ProvinceProgressView"][];
            byCategory: components["schemas"]["CategoryProgressView"][];
            byPilot: components["schemas"]["PilotProgressView"][];
            /** @description When the figures were computed */
            aggregatedAt: string;
        };
        OverdueItemView: {
            /** @enum {string} */
            type: "milestone" | "task" | "report";
            /** Format: uuid */
            pilotId: string;
            pilotCode: string;
            /** @description The pilot's Chinese name */
            pilotName: string;
            pilotNameEn: string;
            /** Format: uuid */
            taskId?: string | null;
            taskCode?: string | null;
            /** Format: uuid */
            milestoneId?: string | null;
            /** Format: uuid */
            periodId?: string | null;
            /** @description Milestone or task title, or the period label of a missing report */
            title: string;
            /** Format: date */
            dueDate: string;
            daysOverdue: number;
        };
        OverdueListView: {
            /** Format: date */
            asOf: string;
            total: number;
            items: components["schemas"]["OverdueItemView"][];
        };
        NotificationLink: {
            /** @enum {string} */
            type: "report" | "milestone" | "task" | "period";
            /** Format: uuid */
            id: string;
        };
        NotificationView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "report_submitted" | "report_returned" | "report_accepted" | "deadline_upcoming" | "item_overdue" | "escalation";
            title: string;
            body: string;
            link: components["schemas"]["NotificationLink"];
            createdAt: string;
            readAt: string | null;
        };
        ReadAllView: {
            /** @description How many notices were marked read */
            updated: number;
        };
        RunRemindersDto: {
            /**
             * Format: date
             * @description Run the scan as of this date; default today in APP_TIMEZONE
             */
            asOf?: string;
        };
        RemindersRunView: {
            /**
             * Format: date
             * @description The date the scan ran as of
             */
            asOf: string;
            /** @description Notices written by this scan */
            notified: number;
        };
        CreateSummaryDto: {
            /** Format: uuid */
            periodId: string;
            /** @description Limit to one province (a pilot's provinceZh or provinceEn) */
            province?: string;
            /** @description Limit to these pilots */
            pilotIds?: string[];
            /**
             * @default zh
             * @enum {string}
             */
            language?: "zh" | "en";
            /**
             * Format: date
             * @description Date the overdue section is computed for; default today
             */
            asOf?: string;
        };
        SummaryView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            periodId: string;
            /** @enum {string} */
            status: "queued" | "running" | "ready" | "failed";
            progress: number;
            /** @enum {string} */
            language: "zh" | "en";
            /** Format: date */
            asOf: string;
            province: string | null;
            pilotIds: string[] | null;
            pageCount?: number;
            bytes?: number;
            sha256?: string;
            /** @description Why rendering failed */
            error?: string;
            createdAt: string;
            finishedAt?: string;
        };
        TaskImportCountsView: {
            tasks: number;
            milestones: number;
            indicators: number;
        };
        TaskImportResultView: {
            created: components["schemas"]["TaskImportCountsView"];
            /** @description Only records whose stored values changed */
            updated: components["schemas"]["TaskImportCountsView"];
        };
        ImportErrorView: {
            /** @description The row as a spreadsheet shows it (header = 1); null for the file as a whole */
            row: number | null;
            /** @description The column key (e.g. due_date), whatever the header language */
            column: string | null;
            message: string;
        };
        ImportFailedView: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /** @example The file has 2 problems; nothing was imported */
            message: string;
            /** @description One entry per bad cell (the first 10,000, then a count of the rest) */
            errors: components["schemas"]["ImportErrorView"][];
        };
        PilotImportCountsView: {
            pilots: number;
        };
        PilotImportResultView: {
            created: components["schemas"]["PilotImportCountsView"];
            /** @description Only pilots whose stored values changed */
            updated: components["schemas"]["PilotImportCountsView"];
        };
        QueuesSessionView: {
            /**
             * @description Open this address in the same browser
             * @example /admin/queues/
             */
            url: string;
            /**
             * Format: date-time
             * @description Renewed while the dashboard is in use, up to the access token lifetime
             */
            expiresAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                actorId?: string;
                entityType?: string;
                entityId?: string;
                action?: string;
                /** @description Earliest instant (ISO-8601), inclusive */
                from?: string;
                /** @description Latest instant (ISO-8601), inclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEventView"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Wrong email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionUser"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                role?: "admin" | "reviewer" | "pilot";
                pilotId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ordered by email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserResponse"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Duplicate email */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PilotsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                kind?: "city" | "park";
                /** @description Matches a pilot's provinceZh or provinceEn */
                province?: string;
                batch?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ordered by code, within the caller's scope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PilotResponse"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
        };
    };
    PilotsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePilotDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PilotResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Duplicate code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PilotsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PilotResponse"];
                };
            };
        };
    };
    PilotsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePilotDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PilotResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                category?: "energy" | "industry" | "buildings" | "transport" | "circular_economy" | "water" | "carbon_sink" | "innovation" | "policy" | "public_action" | "planning";
            };
            header?: never;
            path: {
                pilotId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ordered by code, each with milestones and indicators */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TaskResponse"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
        };
    };
    TasksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pilotId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The pilot already has a task with this code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
        };
    };
    TasksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeriodsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                closed?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ordered by startDate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PeriodResponse"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
        };
    };
    PeriodsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePeriodDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Duplicate label */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeriodsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodResponse"];
                };
            };
        };
    };
    PeriodsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePeriodDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeriodsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The period no longer accepts edits or submissions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeriodsController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodResponse"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_getByPilotPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pilotId: string;
                periodId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description The pilot has no report for the period */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_saveDraft: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of the report as last read; stale → 412 */
                "If-Match"?: string;
            };
            path: {
                pilotId: string;
                periodId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportInput"];
            };
        };
        responses: {
            /** @description Replaced the draft (header ETag) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description Created the draft (header ETag) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description Only for: admin, pilot */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The report is submitted or accepted, or the period is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match does not match the current ETag */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                periodId?: string;
                pilotId?: string;
                status?: "draft" | "submitted" | "returned" | "accepted";
                /** @description Matches the pilot's provinceZh or provinceEn */
                province?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reports in the caller's scope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReportListItem"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
        };
    };
    ReportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
        };
    };
    ReportsController_revisions: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevisionView"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
        };
    };
    ReportsController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key and body answers the first response again (kept 24 h); another body → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description Only for: admin, pilot */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not in draft or returned, or the period is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_returnToPilot: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key and body answers the first response again (kept 24 h); another body → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description Only for: admin, reviewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The report is not submitted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_accept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key and body answers the first response again (kept 24 h); another body → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description Only for: admin, reviewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The report is not submitted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_recommend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                experienceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecommendExperienceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExperienceView"];
                };
            };
            /** @description Only for: admin, reviewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_get: {
        parameters: {
            query?: {
                /** @description Matches a pilot's provinceZh or provinceEn */
                province?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Figures over the pilots in the caller's scope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodProgressView"];
                };
            };
        };
    };
    OverdueController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Judge deadlines as of this date; default today in APP_TIMEZONE */
                asOf?: string;
                type?: "milestone" | "task" | "report";
                pilotId?: string;
                /** @description Matches a pilot's provinceZh or provinceEn */
                province?: string;
                /** @description csv and xlsx hold every item (no paging) */
                format?: "json" | "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ordered by days overdue (most first), then pilot code; `format=csv|xlsx` answers every item as a file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdueListView"];
                    "text/csv": components["schemas"]["OverdueListView"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["OverdueListView"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description true: unread only; false: read only */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's own, unread first, then newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NotificationView"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marks every one of the caller's unread notices read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllView"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationView"];
                };
            };
        };
    };
    NotificationsController_runReminders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunRemindersDto"];
            };
        };
        responses: {
            /** @description The scan ran now; its notices exist when this answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemindersRunView"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SummariesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                periodId?: string;
                status?: "queued" | "running" | "ready" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SummaryView"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
            /** @description Only for: admin, reviewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SummariesController_request: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key and body answers the first response again (kept 24 h); another body → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSummaryDto"];
            };
        };
        responses: {
            /** @description Queued for rendering */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryView"];
                };
            };
            /** @description Only for: admin, reviewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SummariesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryView"];
                };
            };
            /** @description Only for: admin, reviewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SummariesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only for: admin, reviewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not ready yet, or rendering failed (the message says why) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportsController_taskTemplate: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The headers and one example row (its code is example-pilot) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportsController_pilotTemplate: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The headers and one example row (its code is example-pilot) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportsController_importTasks: {
        parameters: {
            query?: {
                /** @description Validate and count as the import would, then write nothing */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file itself: CSV (UTF-8, with or without BOM) or an .xlsx workbook, judged by its bytes. Row 1 of the first sheet holds the headers: column keys, Chinese names, or both (e.g. `试点编码 pilot_code`). */
        requestBody: {
            content: {
                "text/csv": Blob;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
            };
        };
        responses: {
            /** @description Imported (or, with dryRun, what would be): rows with the same pilot_code and task_code are one task */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskImportResultView"];
                };
            };
            /** @description Bad cells (all of them, with row and column), or CSV that is not UTF-8; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportFailedView"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Over 50 MiB or 500000 rows */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportsController_importPilots: {
        parameters: {
            query?: {
                /** @description Validate and count as the import would, then write nothing */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file itself: CSV (UTF-8, with or without BOM) or an .xlsx workbook, judged by its bytes. Row 1 of the first sheet holds the headers: column keys, Chinese names, or both (e.g. `试点编码 pilot_code`). */
        requestBody: {
            content: {
                "text/csv": Blob;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
            };
        };
        responses: {
            /** @description Imported (or, with dryRun, what would be), matched by code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PilotImportResultView"];
                };
            };
            /** @description Bad cells (all of them, with row and column), or CSV that is not UTF-8; nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportFailedView"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Over 50 MiB or 500000 rows */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExportsController_tasks: {
        parameters: {
            query?: {
                /** @description CSV is UTF-8 with BOM; xlsx has typed cells */
                format?: "csv" | "xlsx";
                /** @description Matches a pilot's provinceZh or provinceEn */
                province?: string;
                pilotId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tasks in the caller's scope, in the task import layout (export → import changes nothing) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
        };
    };
    ExportsController_reports: {
        parameters: {
            query?: {
                /** @description CSV is UTF-8 with BOM; xlsx has typed cells */
                format?: "csv" | "xlsx";
                /** @description Matches a pilot's provinceZh or provinceEn */
                province?: string;
                periodId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per task line of the reports in the caller's scope: pilot, task, status, % complete, milestones completed, indicator values, narrative, report status, submitted at */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
        };
    };
    ExportsController_progress: {
        parameters: {
            query: {
                periodId: string;
                /** @description Several sheets: only xlsx */
                format?: "xlsx";
                /** @description Matches a pilot's provinceZh or provinceEn */
                province?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The period's progress over the caller's scope: sheets overview, by province, by category, by pilot */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description Unknown period */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AttachmentsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first (deleted files are not listed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AttachmentView"][];
                        /** @description How many match, over all pages */
                        total: number;
                    };
                };
            };
        };
    };
    AttachmentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description One part named `file`: a PDF, PNG, JPEG, DOCX or XLSX file (judged by its bytes) of at most 20 MiB */
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: Blob;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"];
                };
            };
            /** @description Only for: admin, pilot */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The report is submitted or accepted, or its period is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The file is over 20 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AttachmentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment; files a submitted revision lists stay available after a delete */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                    "image/png": Blob;
                    "image/jpeg": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            /** @description Unknown report or file, or a report outside the caller's scope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AttachmentsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed from the report */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only for: admin, pilot */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The report is submitted or accepted, or its period is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{status: "ok", checks: {postgres, redis}}` when every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `{status: "unavailable", checks}` naming what failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QueuesSessionController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sets the httpOnly, SameSite=Strict cookie, scoped to the dashboard path, that opens the queue dashboard (bull-board) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuesSessionView"];
                };
            };
            /** @description Only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QueuesSessionController_close: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard cookie is removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

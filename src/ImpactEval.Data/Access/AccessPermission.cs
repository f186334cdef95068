namespace ImpactEval.Data.Access;

/// <summary>
/// What an account may be allowed to do on the territories it sees; <see cref="AccessRoles.Allows"/> says which role
/// has which. A permission never widens the territories: another cité's data stays invisible whatever the role.
/// </summary>
public enum AccessPermission
{
    /// <summary>See the cité's protocols (their référentiel and validation messages). Every role.</summary>
    SeeProtocols,

    /// <summary>See participant-level follow-up (pseudonyms, roster, overdue list, completeness): administrator, territory team, data entry.</summary>
    SeeParticipants,

    /// <summary>Enter values, upload files, download collection workbooks: administrator, territory team, data entry.</summary>
    EnterData,

    /// <summary>Change a participant's status or group: administrator, territory team.</summary>
    ManageCohort,

    /// <summary>Register a new protocol version: administrator, territory team.</summary>
    ManageProtocols,

    /// <summary>See results and download reports (full or published, by <see cref="AccessRoles.ResultDetailOf"/>): every role but data entry.</summary>
    SeeResults,

    /// <summary>Read a cité's audit log: administrator, territory team.</summary>
    SeeAudit,

    /// <summary>The national pages (every cité's campaigns and syntheses): administrator, national.</summary>
    SeeNational,

    /// <summary>Users, API keys, territories, job history: administrator.</summary>
    Administer,
}

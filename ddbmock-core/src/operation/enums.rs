//! Every enumeration of the API, each with its known values and `Unknown`; made by the `wire_enum!` macro.

use super::wire_enum::wire_enum;

wire_enum! {
    /// How a legacy `AttributeUpdates` entry changes its attribute.
    AttributeAction {
        /// `ADD`
        Add => "ADD",
        /// `PUT`
        Put => "PUT",
        /// `DELETE`
        Delete => "DELETE",
    }
}

wire_enum! {
    /// How a table is billed: provisioned capacity or on demand.
    BillingMode {
        /// `PROVISIONED`
        Provisioned => "PROVISIONED",
        /// `PAY_PER_REQUEST`
        PayPerRequest => "PAY_PER_REQUEST",
    }
}

wire_enum! {
    /// The comparator of a legacy `Condition` or `ExpectedAttributeValue`.
    ComparisonOperator {
        /// `IN`
        In => "IN",
        /// `NULL`
        Null => "NULL",
        /// `BETWEEN`
        Between => "BETWEEN",
        /// `LT`
        Lt => "LT",
        /// `NOT_CONTAINS`
        NotContains => "NOT_CONTAINS",
        /// `EQ`
        Eq => "EQ",
        /// `GT`
        Gt => "GT",
        /// `NOT_NULL`
        NotNull => "NOT_NULL",
        /// `NE`
        Ne => "NE",
        /// `LE`
        Le => "LE",
        /// `BEGINS_WITH`
        BeginsWith => "BEGINS_WITH",
        /// `GE`
        Ge => "GE",
        /// `CONTAINS`
        Contains => "CONTAINS",
    }
}

wire_enum! {
    /// How several legacy conditions combine.
    ConditionalOperator {
        /// `OR`
        Or => "OR",
        /// `AND`
        And => "AND",
    }
}

wire_enum! {
    /// Whether a global table replicates its settings.
    GlobalTableSettingsReplicationMode {
        /// `ENABLED`
        Enabled => "ENABLED",
        /// `DISABLED`
        Disabled => "DISABLED",
        /// `ENABLED_WITH_OVERRIDES`
        EnabledWithOverrides => "ENABLED_WITH_OVERRIDES",
    }
}

wire_enum! {
    /// The lifecycle state of a global secondary index.
    IndexStatus {
        /// `CREATING`
        Creating => "CREATING",
        /// `UPDATING`
        Updating => "UPDATING",
        /// `DELETING`
        Deleting => "DELETING",
        /// `ACTIVE`
        Active => "ACTIVE",
    }
}

wire_enum! {
    /// The role of a key attribute: partition (`HASH`) or sort (`RANGE`) key.
    KeyType {
        /// `HASH`
        Hash => "HASH",
        /// `RANGE`
        Range => "RANGE",
    }
}

wire_enum! {
    /// The consistency mode of a global table.
    MultiRegionConsistency {
        /// `EVENTUAL`
        Eventual => "EVENTUAL",
        /// `STRONG`
        Strong => "STRONG",
    }
}

wire_enum! {
    /// The kind of change a stream record describes.
    OperationType {
        /// `INSERT`
        Insert => "INSERT",
        /// `MODIFY`
        Modify => "MODIFY",
        /// `REMOVE`
        Remove => "REMOVE",
    }
}

wire_enum! {
    /// Which attributes a secondary index projects.
    ProjectionType {
        /// `ALL`
        All => "ALL",
        /// `INCLUDE`
        Include => "INCLUDE",
        /// `KEYS_ONLY`
        KeysOnly => "KEYS_ONLY",
    }
}

wire_enum! {
    /// The lifecycle state of a global table replica.
    ReplicaStatus {
        /// `CREATING`
        Creating => "CREATING",
        /// `CREATION_FAILED`
        CreationFailed => "CREATION_FAILED",
        /// `UPDATING`
        Updating => "UPDATING",
        /// `DELETING`
        Deleting => "DELETING",
        /// `ACTIVE`
        Active => "ACTIVE",
        /// `REGION_DISABLED`
        RegionDisabled => "REGION_DISABLED",
        /// `INACCESSIBLE_ENCRYPTION_CREDENTIALS`
        InaccessibleEncryptionCredentials => "INACCESSIBLE_ENCRYPTION_CREDENTIALS",
        /// `ARCHIVING`
        Archiving => "ARCHIVING",
        /// `ARCHIVED`
        Archived => "ARCHIVED",
        /// `REPLICATION_NOT_AUTHORIZED`
        ReplicationNotAuthorized => "REPLICATION_NOT_AUTHORIZED",
    }
}

wire_enum! {
    /// How much consumed capacity a response reports.
    ReturnConsumedCapacity {
        /// `INDEXES`
        Indexes => "INDEXES",
        /// `TOTAL`
        Total => "TOTAL",
        /// `NONE`
        None => "NONE",
    }
}

wire_enum! {
    /// Whether a response reports item collection metrics.
    ReturnItemCollectionMetrics {
        /// `SIZE`
        Size => "SIZE",
        /// `NONE`
        None => "NONE",
    }
}

wire_enum! {
    /// Which item attributes a write returns.
    ReturnValue {
        /// `ALL_NEW`
        AllNew => "ALL_NEW",
        /// `UPDATED_OLD`
        UpdatedOld => "UPDATED_OLD",
        /// `ALL_OLD`
        AllOld => "ALL_OLD",
        /// `NONE`
        None => "NONE",
        /// `UPDATED_NEW`
        UpdatedNew => "UPDATED_NEW",
    }
}

wire_enum! {
    /// Whether a failed condition check returns the item.
    ReturnValuesOnConditionCheckFailure {
        /// `ALL_OLD`
        AllOld => "ALL_OLD",
        /// `NONE`
        None => "NONE",
    }
}

wire_enum! {
    /// The state of server-side encryption.
    SseStatus {
        /// `ENABLING`
        Enabling => "ENABLING",
        /// `ENABLED`
        Enabled => "ENABLED",
        /// `DISABLING`
        Disabling => "DISABLING",
        /// `DISABLED`
        Disabled => "DISABLED",
        /// `UPDATING`
        Updating => "UPDATING",
    }
}

wire_enum! {
    /// The kind of server-side encryption.
    SseType {
        /// `AES256`
        Aes256 => "AES256",
        /// `KMS`
        Kms => "KMS",
    }
}

wire_enum! {
    /// The type of a key attribute: string, number or binary.
    ScalarAttributeType {
        /// `B`
        B => "B",
        /// `N`
        N => "N",
        /// `S`
        S => "S",
    }
}

wire_enum! {
    /// What a Query or Scan returns: attributes or a count.
    Select {
        /// `SPECIFIC_ATTRIBUTES`
        SpecificAttributes => "SPECIFIC_ATTRIBUTES",
        /// `COUNT`
        Count => "COUNT",
        /// `ALL_ATTRIBUTES`
        AllAttributes => "ALL_ATTRIBUTES",
        /// `ALL_PROJECTED_ATTRIBUTES`
        AllProjectedAttributes => "ALL_PROJECTED_ATTRIBUTES",
    }
}

wire_enum! {
    /// The values of `ShardFilterType`.
    ShardFilterType {
        /// `CHILD_SHARDS`
        ChildShards => "CHILD_SHARDS",
    }
}

wire_enum! {
    /// Where in a shard an iterator starts.
    ShardIteratorType {
        /// `TRIM_HORIZON`
        TrimHorizon => "TRIM_HORIZON",
        /// `LATEST`
        Latest => "LATEST",
        /// `AT_SEQUENCE_NUMBER`
        AtSequenceNumber => "AT_SEQUENCE_NUMBER",
        /// `AFTER_SEQUENCE_NUMBER`
        AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
    }
}

wire_enum! {
    /// The state of a stream.
    StreamStatus {
        /// `ENABLING`
        Enabling => "ENABLING",
        /// `ENABLED`
        Enabled => "ENABLED",
        /// `DISABLING`
        Disabling => "DISABLING",
        /// `DISABLED`
        Disabled => "DISABLED",
    }
}

wire_enum! {
    /// What a stream record carries of the item.
    StreamViewType {
        /// `OLD_IMAGE`
        OldImage => "OLD_IMAGE",
        /// `KEYS_ONLY`
        KeysOnly => "KEYS_ONLY",
        /// `NEW_AND_OLD_IMAGES`
        NewAndOldImages => "NEW_AND_OLD_IMAGES",
        /// `NEW_IMAGE`
        NewImage => "NEW_IMAGE",
    }
}

wire_enum! {
    /// The storage class of a table.
    TableClass {
        /// `STANDARD`
        Standard => "STANDARD",
        /// `STANDARD_INFREQUENT_ACCESS`
        StandardInfrequentAccess => "STANDARD_INFREQUENT_ACCESS",
    }
}

wire_enum! {
    /// The lifecycle state of a table.
    TableStatus {
        /// `CREATING`
        Creating => "CREATING",
        /// `UPDATING`
        Updating => "UPDATING",
        /// `DELETING`
        Deleting => "DELETING",
        /// `ACTIVE`
        Active => "ACTIVE",
        /// `INACCESSIBLE_ENCRYPTION_CREDENTIALS`
        InaccessibleEncryptionCredentials => "INACCESSIBLE_ENCRYPTION_CREDENTIALS",
        /// `ARCHIVING`
        Archiving => "ARCHIVING",
        /// `ARCHIVED`
        Archived => "ARCHIVED",
        /// `REPLICATION_NOT_AUTHORIZED`
        ReplicationNotAuthorized => "REPLICATION_NOT_AUTHORIZED",
    }
}

wire_enum! {
    /// The state of time to live on a table.
    TimeToLiveStatus {
        /// `ENABLING`
        Enabling => "ENABLING",
        /// `DISABLING`
        Disabling => "DISABLING",
        /// `ENABLED`
        Enabled => "ENABLED",
        /// `DISABLED`
        Disabled => "DISABLED",
    }
}

wire_enum! {
    /// The lifecycle state of a global table witness.
    WitnessStatus {
        /// `CREATING`
        Creating => "CREATING",
        /// `DELETING`
        Deleting => "DELETING",
        /// `ACTIVE`
        Active => "ACTIVE",
    }
}

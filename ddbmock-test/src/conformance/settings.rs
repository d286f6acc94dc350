//! Table settings scenarios: tags, time to live, limits.

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::support::*;

fn tag(k: &str, v: &str) -> Tag {
    Tag {
        key: Some(k.to_owned()),
        value: Some(v.to_owned()),
    }
}

/// Tags are added, replaced, listed and removed by ARN.
pub async fn tags_by_arn(db: &dyn DynamoDb) {
    let t = new_table(db, "tags", false).await;
    let arn = describe(db, &t).await.table_arn.unwrap();
    db.tag_resource(TagResourceInput {
        resource_arn: Some(arn.clone()),
        tags: Some(vec![tag("env", "dev"), tag("team", "a")]),
    })
    .await
    .unwrap();
    db.tag_resource(TagResourceInput {
        resource_arn: Some(arn.clone()),
        tags: Some(vec![tag("env", "prod")]),
    })
    .await
    .unwrap();
    let list = |arn: String| {
        db.list_tags_of_resource(ListTagsOfResourceInput {
            resource_arn: Some(arn),
            next_token: None,
        })
    };
    let mut tags = list(arn.clone()).await.unwrap().tags.unwrap();
    tags.sort_by(|a, b| a.key.cmp(&b.key));
    assert_eq!(tags, vec![tag("env", "prod"), tag("team", "a")]);
    db.untag_resource(UntagResourceInput {
        resource_arn: Some(arn.clone()),
        tag_keys: Some(vec!["env".into()]),
    })
    .await
    .unwrap();
    assert_eq!(
        list(arn.clone()).await.unwrap().tags.unwrap(),
        vec![tag("team", "a")]
    );
    assert_error(
        db.tag_resource(TagResourceInput {
            resource_arn: Some(arn),
            tags: Some(vec![]),
        })
        .await,
        "ValidationException",
        "Atleast one Tag needs to be provided as Input.",
    );
    assert_error(
        db.tag_resource(TagResourceInput {
            resource_arn: None,
            tags: Some(vec![tag("a", "b")]),
        })
        .await,
        "ValidationException",
        "Invalid TableArn",
    );
}

/// UpdateTimeToLive turns TTL on and off once each; DescribeTimeToLive reports it.
pub async fn time_to_live_setting(db: &dyn DynamoDb) {
    let t = new_table(db, "ttl", false).await;
    let describe_ttl = || {
        db.describe_time_to_live(DescribeTimeToLiveInput {
            table_name: Some(t.clone()),
        })
    };
    let d = describe_ttl()
        .await
        .unwrap()
        .time_to_live_description
        .unwrap();
    assert_eq!(d.time_to_live_status, Some(TimeToLiveStatus::Disabled));
    let spec = |on: bool| UpdateTimeToLiveInput {
        table_name: Some(t.clone()),
        time_to_live_specification: Some(TimeToLiveSpecification {
            enabled: Some(on),
            attribute_name: Some("exp".into()),
        }),
    };
    let out = db.update_time_to_live(spec(true)).await.unwrap();
    assert_eq!(
        out.time_to_live_specification
            .unwrap()
            .attribute_name
            .as_deref(),
        Some("exp")
    );
    let d = describe_ttl()
        .await
        .unwrap()
        .time_to_live_description
        .unwrap();
    assert_eq!(
        (d.time_to_live_status, d.attribute_name.as_deref()),
        (Some(TimeToLiveStatus::Enabled), Some("exp"))
    );
    assert_error(
        db.update_time_to_live(spec(true)).await,
        "ValidationException",
        "TimeToLive is already enabled",
    );
    db.update_time_to_live(spec(false)).await.unwrap();
    assert_error(
        db.update_time_to_live(spec(false)).await,
        "ValidationException",
        "TimeToLive is already disabled",
    );
}

/// DescribeLimits answers the default account quotas.
pub async fn account_limits(db: &dyn DynamoDb) {
    let l = db.describe_limits(DescribeLimitsInput {}).await.unwrap();
    assert!(l.table_max_read_capacity_units.unwrap() > 0);
    assert!(
        l.account_max_write_capacity_units.unwrap() >= l.table_max_write_capacity_units.unwrap()
    );
}

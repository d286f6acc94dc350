//! A table's definition carried from one place to another: the `CreateTable` request that makes a
//! table like a described one (keys, attributes, indexes, capacity, stream, class). `load` uses it
//! to give its scratch engine the target's tables and to create a fixture's tables on the target.

use ddbmock::operation::{
    BillingMode, CreateTableInput, GlobalSecondaryIndex, LocalSecondaryIndex,
    ProvisionedThroughput, ProvisionedThroughputDescription, TableDescription,
};

/// The `CreateTable` request for a table like `table`.
pub(crate) fn create_input(table: &TableDescription) -> CreateTableInput {
    let billing = table
        .billing_mode_summary
        .as_ref()
        .and_then(|b| b.billing_mode.clone());
    let provisioned = billing != Some(BillingMode::PayPerRequest);
    let throughput = |t: &Option<ProvisionedThroughputDescription>| {
        t.as_ref()
            .filter(|_| provisioned)
            .map(|t| ProvisionedThroughput {
                read_capacity_units: t.read_capacity_units,
                write_capacity_units: t.write_capacity_units,
            })
    };
    CreateTableInput {
        attribute_definitions: table.attribute_definitions.clone(),
        table_name: table.table_name.clone(),
        key_schema: table.key_schema.clone(),
        local_secondary_indexes: table.local_secondary_indexes.as_ref().map(|indexes| {
            indexes
                .iter()
                .map(|i| LocalSecondaryIndex {
                    index_name: i.index_name.clone(),
                    key_schema: i.key_schema.clone(),
                    projection: i.projection.clone(),
                })
                .collect()
        }),
        global_secondary_indexes: table.global_secondary_indexes.as_ref().map(|indexes| {
            indexes
                .iter()
                .map(|i| GlobalSecondaryIndex {
                    index_name: i.index_name.clone(),
                    key_schema: i.key_schema.clone(),
                    projection: i.projection.clone(),
                    provisioned_throughput: throughput(&i.provisioned_throughput),
                    on_demand_throughput: i.on_demand_throughput.clone(),
                    ..Default::default()
                })
                .collect()
        }),
        billing_mode: Some(billing.unwrap_or(BillingMode::Provisioned)),
        provisioned_throughput: throughput(&table.provisioned_throughput),
        stream_specification: table
            .stream_specification
            .clone()
            .filter(|s| s.stream_enabled == Some(true)),
        table_class: table
            .table_class_summary
            .as_ref()
            .and_then(|c| c.table_class.clone()),
        deletion_protection_enabled: table.deletion_protection_enabled,
        on_demand_throughput: table.on_demand_throughput.clone(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock::operation::{DescribeTableInput, ScalarAttributeType};
    use ddbmock::{DynamoDb, Engine};

    #[test]
    fn a_table_made_from_its_description_is_described_alike() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let a = Engine::memory();
            let mut input = CreateTableInput::new("tbl", "pk", ScalarAttributeType::S)
                .range("sk", ScalarAttributeType::N);
            input.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
                index_name: Some("by_sk".into()),
                key_schema: Some(vec![ddbmock::operation::KeySchemaElement {
                    attribute_name: Some("sk".into()),
                    key_type: Some(ddbmock::operation::KeyType::Hash),
                }]),
                projection: Some(ddbmock::operation::Projection {
                    projection_type: Some(ddbmock::operation::ProjectionType::KeysOnly),
                    ..Default::default()
                }),
                ..Default::default()
            }]);
            a.create_table(input).await.unwrap();
            let describe = || DescribeTableInput {
                table_name: Some("tbl".into()),
            };
            let described = a.describe_table(describe()).await.unwrap().table.unwrap();
            let b = Engine::memory();
            b.create_table(create_input(&described)).await.unwrap();
            let again = b.describe_table(describe()).await.unwrap().table.unwrap();
            assert_eq!(create_input(&again), create_input(&described));
            assert_eq!(again.global_secondary_indexes.unwrap().len(), 1);
        });
    }
}

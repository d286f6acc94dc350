//! The DynamoDB Streams API (ListStreams, DescribeStream, GetShardIterator, GetRecords) and its records.

use serde::{Deserialize, Serialize};

use super::{
    KeySchemaElement, OperationType, ShardFilterType, ShardIteratorType, StreamStatus,
    StreamViewType,
};
use crate::model::Item;

/// Represents the input of a ListStreams operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStreamsInput {
    /// If this parameter is provided, then only the streams associated with this table name are returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The maximum number of streams to return.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// The ARN (Amazon Resource Name) of the first item that this operation will evaluate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_stream_arn: Option<String>,
}

/// Represents the output of a ListStreams operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStreamsOutput {
    /// A list of stream descriptors associated with the current account and endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streams: Option<Vec<Stream>>,
    /// The stream ARN of the item where the operation stopped, inclusive of the previous result set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_evaluated_stream_arn: Option<String>,
}

/// Represents all of the data describing a particular stream.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Stream {
    /// The Amazon Resource Name (ARN) for the stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The DynamoDB table with which the stream is associated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A timestamp, in ISO 8601 format, for this stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_label: Option<String>,
}

/// Represents the input of a DescribeStream operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStreamInput {
    /// The Amazon Resource Name (ARN) for the stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The maximum number of shard objects to return.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// The shard ID of the first item that this operation will evaluate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_shard_id: Option<String>,
    /// This optional field contains the filter definition for the DescribeStream API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard_filter: Option<ShardFilter>,
}

/// Represents the output of a DescribeStream operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStreamOutput {
    /// A complete description of the stream, including its creation date and time, the DynamoDB table associated with the stream, the shard IDs within the stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_description: Option<StreamDescription>,
}

/// Represents all of the data describing a particular stream.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamDescription {
    /// The Amazon Resource Name (ARN) for the stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// A timestamp, in ISO 8601 format, for this stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_label: Option<String>,
    /// Indicates the current status of the stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_status: Option<StreamStatus>,
    /// Indicates the format of the records within this stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_view_type: Option<StreamViewType>,
    /// The date and time when the request to create this stream was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_request_date_time: Option<f64>,
    /// The DynamoDB table with which the stream is associated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The key attribute(s) of the stream's DynamoDB table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_schema: Option<Vec<KeySchemaElement>>,
    /// The shards that comprise the stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shards: Option<Vec<Shard>>,
    /// The shard ID of the item where the operation stopped, inclusive of the previous result set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_evaluated_shard_id: Option<String>,
}

/// This optional field contains the filter definition for the DescribeStream API.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ShardFilter {
    /// Contains the type of filter to be applied on the DescribeStream API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ShardFilterType>,
    /// Contains the shardId of the parent shard for which you are requesting child shards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard_id: Option<String>,
}

/// A uniquely identified group of stream records within a stream.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Shard {
    /// The system-generated identifier for this shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard_id: Option<String>,
    /// The range of possible sequence numbers for the shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence_number_range: Option<SequenceNumberRange>,
    /// The shard ID of the current shard's parent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_shard_id: Option<String>,
}

/// The beginning and ending sequence numbers for the stream records contained within a shard.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SequenceNumberRange {
    /// The first sequence number for the stream records contained within a shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_sequence_number: Option<String>,
    /// The last sequence number for the stream records contained within a shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ending_sequence_number: Option<String>,
}

/// Represents the input of a GetShardIterator operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetShardIteratorInput {
    /// The Amazon Resource Name (ARN) for the stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The identifier of the shard. The iterator will be returned for this shard ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard_id: Option<String>,
    /// Determines how the shard iterator is used to start reading stream records from the shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard_iterator_type: Option<ShardIteratorType>,
    /// The sequence number of a stream record in the shard from which to start reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<String>,
}

/// Represents the output of a GetShardIterator operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetShardIteratorOutput {
    /// The position in the shard from which to start reading stream records sequentially.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard_iterator: Option<String>,
}

/// Represents the input of a GetRecords operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetRecordsInput {
    /// A shard iterator that was retrieved from a previous GetShardIterator operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard_iterator: Option<String>,
    /// The maximum number of records to return from the shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Represents the output of a GetRecords operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetRecordsOutput {
    /// The stream records from the shard, which were retrieved using the shard iterator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<Record>>,
    /// The next position in the shard from which to start sequentially reading stream records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_shard_iterator: Option<String>,
}

/// A description of a unique event within a stream.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// A globally unique identifier for the event that was recorded in this stream record.
    #[serde(rename = "eventID", skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The type of data modification that was performed on the DynamoDB table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_name: Option<OperationType>,
    /// The version number of the stream record format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_version: Option<String>,
    /// The Amazon Web Services service from which the stream record originated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_source: Option<String>,
    /// The region in which the GetRecords request was received.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_region: Option<String>,
    /// The main body of the stream record, containing all of the DynamoDB-specific fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dynamodb: Option<StreamRecord>,
    /// Items that are deleted by the Time to Live process after expiration have the following fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_identity: Option<Identity>,
}

/// A description of a single data modification that was performed on an item in a DynamoDB table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamRecord {
    /// The approximate date and time when the stream record was created, in ISO 8601 format and rounded down to the closest second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate_creation_date_time: Option<f64>,
    /// The primary key attribute(s) for the DynamoDB item that was modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<Item>,
    /// The item in the DynamoDB table as it appeared after it was modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_image: Option<Item>,
    /// The item in the DynamoDB table as it appeared before it was modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_image: Option<Item>,
    /// The sequence number of the stream record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<String>,
    /// The size of the stream record, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<i64>,
    /// The type of data from the modified DynamoDB item that was captured in this stream record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_view_type: Option<StreamViewType>,
}

/// Contains details about the type of identity that made the request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Identity {
    /// A unique identifier for the entity that made the call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_id: Option<String>,
    /// The type of the identity. For Time To Live, the type is "Service".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
}

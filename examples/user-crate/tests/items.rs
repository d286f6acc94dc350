//! The mapping between `User` and its item, for any user.

use ddbmock::model::{AttributeValue, from_item, to_item};
use proptest::prelude::*;
use user_crate::User;

proptest! {
    #[test]
    fn every_user_survives_its_item(team in "\\PC{1,20}", id in "\\PC{1,20}", name in "\\PC*", age: u32) {
        let user = User { team, id, name, age };
        let item = to_item(&user)?;
        prop_assert_eq!(&item["age"], &AttributeValue::N(age.to_string()));
        prop_assert_eq!(from_item::<User>(&item)?, user);
    }
}

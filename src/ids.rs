//! Identifiers. Ids from the file are kept as strings in newtypes; inside the
//! library people, units and villages are addressed by dense indices into the
//! [`crate::Scenario`] vectors, which keeps the hot paths (recusal matrix,
//! solver) free of hashing.

macro_rules! index_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the scenario's vector.
            pub fn ix(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// Index of a person in [`crate::Scenario::people`].
    PersonIx
);
index_type!(
    /// Index of a unit (township or department) in [`crate::Scenario::units`].
    UnitIx
);
index_type!(
    /// Index of a village in [`crate::Scenario::villages`].
    VillageIx
);
index_type!(
    /// Index of a skill in [`crate::Scenario::skills`].
    SkillIx
);

/// A place a person can work or come from: a unit or a village.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Unit(UnitIx),
    Village(VillageIx),
}

/// A location in the scenario file, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub line: usize,
    pub column: usize,
}

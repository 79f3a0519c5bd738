-- A run's report says which mentors stay below the load aimed for (career: 3 mentees), and why (issue 15)
ALTER TABLE matching_run ADD COLUMN below_aim text NOT NULL DEFAULT '[]';

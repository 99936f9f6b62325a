// Module NewsbusIngest

console.log("fovea");
